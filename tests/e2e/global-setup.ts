import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The browser tests drive the built client as the server serves it, so build it once per run. Vitest
 * sets NODE_ENV=test, which Vite would keep, bundling React's development build (StrictMode running
 * every effect twice, slower renders): the users' build is production.
 */
export default function buildWebClient() {
  execFileSync('pnpm', ['--filter', '@ioc/web', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  })
}
