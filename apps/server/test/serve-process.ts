import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../bin/ioc.mjs', import.meta.url))

/**
 * Starts `ioc serve` as a process of its own (so it can be killed without a word) with `env` over this
 * process's environment; adds it to `children` at once, so a test can kill it however it ends, and
 * resolves with its URL once it listens.
 */
export function serveProcess(
  env: Record<string, string>,
  children: ChildProcess[],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let out = ''
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk
      const url = /"url":"(http:[^"]+)","network"/.exec(out)?.[1]
      if (url) resolve({ url, child })
    })
  })
}
