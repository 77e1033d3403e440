import { loadNetwork } from '@ioc/fixtures'
import { loadScenario, loadWorld, pushScenario } from '@ioc/simulator'
import { hashToken, newToken } from '../auth/tokens'
import type { Config } from '../config/config'
import { startServer } from '../server'
import { openStore } from '../store/open-store'
import type { TokenKind } from '../store/store'

const SCENARIO = 'king-tide-2025-11-06'
/** Half an hour before Phú An's evening rise past báo động I (16:35): alerts within a minute at 60×. */
const START = '2025-11-06T15:30:00+07:00'
const INGEST_KEY = 'demo-feed'
const DISPLAY = 'demo-wall'

export interface DemoOptions {
  speed: number
}

/**
 * `ioc demo`: the server on DATA_DIR, a fresh demo ingest key and wall display token, and the king-tide
 * scenario pushed into it through the HTTP ingest API at `speed`× from 15:30, looping.
 */
export async function demoCommand(config: Config, o: DemoOptions): Promise<void> {
  // Tokens are stored hashed, so an old one cannot be shown again: the demo ones are replaced each run.
  const store = await openStore(config)
  const replace = async (kind: TokenKind, name: string) => {
    await store.revokeToken(kind, name, Date.now())
    const token = newToken(kind)
    await store.createToken({ kind, name, tokenHash: hashToken(token), createdAt: Date.now() })
    return token
  }
  const key = await replace('ingest-key', INGEST_KEY)
  const display = await replace('display', DISPLAY)
  await store.close()

  const server = await startServer(config, loadNetwork())
  const out = process.stdout
  out.write(`\nIOC demo running at ${server.url}\n`)
  out.write(`  wall display:  ${server.url}/wall?token=${display}\n`)
  out.write(`  console:       ${server.url}/  (sign in as admin)\n`)
  if (server.generatedAdminPassword)
    out.write(`  admin password (shown only this once): ${server.generatedAdminPassword}\n`)
  out.write(`  feed: ${SCENARIO} from 15:30 at ${o.speed}×, looping. Ctrl-C stops.\n\n`)

  const stop = () => {
    process.once('SIGINT', () => process.exit(1))
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  const { scenario } = loadScenario(SCENARIO)
  let lastLog = 0
  await pushScenario(scenario, loadWorld(), {
    url: server.url,
    key,
    speed: o.speed,
    batch: 5000,
    startMs: Date.parse(START),
    loop: true,
    log: (line) => {
      // One progress line every 10 s is enough beside the server's own log.
      if (Date.now() - lastLog < 10_000) return
      lastLog = Date.now()
      out.write(`feed: ${line}\n`)
    },
  })
}
