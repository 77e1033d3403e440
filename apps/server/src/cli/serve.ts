import { loadNetwork } from '@ioc/fixtures'
import type { Config } from '../config/config'
import { startServer } from '../server'

/** Runs until SIGTERM or SIGINT, then shuts down gracefully; a second signal exits at once. */
export async function serve(config: Config): Promise<void> {
  const server = await startServer(config, loadNetwork())
  if (server.generatedAdminPassword) {
    process.stdout.write(
      `\nCreated user "admin" with password ${server.generatedAdminPassword}\n` +
        'It is shown only this once. Set IOC_ADMIN_PASSWORD on first start to choose it instead.\n\n',
    )
  }
  const stop = () => {
    process.once('SIGTERM', () => process.exit(1))
    process.once('SIGINT', () => process.exit(1))
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
