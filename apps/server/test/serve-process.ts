import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../bin/ioc.mjs', import.meta.url))
/**
 * The V8 flags the root package.json runs the server with: a young generation of 64 MB semi-spaces
 * lets a batch's objects die young instead of being copied and promoted while other feeds' batches are
 * in flight (+11 % ingest at four feeds on the 2-core bench machine; docs/architecture.md).
 */
const NODE_FLAGS = ['--max-semi-space-size=64']
const TASKSET = '/usr/bin/taskset'

export interface ServeOptions {
  /** Pins the process to this CPU (`taskset -c`), so instances of a bench each get one core. */
  cpu?: number
  /**
   * Runs the process under a CPU limit: the cgroup.procs file of a cgroup (bench/cpu-limit.ts) that
   * it joins before node starts, so every thread it makes is counted against the limit.
   */
  cgroupProcs?: string
  /** More node flags, e.g. `--cpu-prof` to see where an instance's time goes. */
  nodeFlags?: readonly string[]
  /** Copies the server's error and fatal log lines to this process's stderr (the rest stays quiet). */
  echoErrors?: boolean
}

/**
 * Starts `ioc serve` as a process of its own (so it can be killed without a word) with `env` over this
 * process's environment; adds it to `children` at once, so a test can kill it however it ends, and
 * resolves with its URL once it listens. The URL is read from the "server listening" log line, so
 * `LOG_LEVEL` must be `info` or lower.
 */
export function serveProcess(
  env: Record<string, string>,
  children: ChildProcess[],
  options: ServeOptions = {},
): Promise<{ url: string; child: ChildProcess }> {
  const node = [process.execPath, ...NODE_FLAGS, ...(options.nodeFlags ?? []), BIN, 'serve']
  // taskset and sh exec node in their own process: the child's pid is the server's.
  const pinned = options.cpu === undefined ? node : [TASKSET, '-c', String(options.cpu), ...node]
  const limited = options.cgroupProcs
    ? ['/bin/sh', '-c', 'echo $$ > "$0" && exec "$@"', options.cgroupProcs, ...pinned]
    : pinned
  const [command, ...args] = limited
  const child = spawn(command as string, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let out = ''
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk
      if (options.echoErrors)
        for (const line of String(chunk).split('\n'))
          if (/"level":[56]0/.test(line)) process.stderr.write(`${line}\n`)
      const url = /"url":"(http:[^"]+)","network"/.exec(out)?.[1]
      if (url) resolve({ url, child })
    })
  })
}

/** Stops a served process gracefully (SIGTERM: it closes and writes its CPU profile), SIGKILL if it hangs. */
export async function stopServed(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}
