import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The browser tests drive the built client as the server serves it, so build it once per run. */
export default function buildWebClient() {
  execFileSync('pnpm', ['--filter', '@ioc/web', 'build'], { cwd: ROOT, stdio: 'ignore' })
}
