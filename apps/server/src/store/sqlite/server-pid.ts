import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const PID_FILE = 'ioc.pid'

/**
 * Records in DATA_DIR that this process serves the store there, for the commands that must not run
 * beside a server (`ioc restore`). Returns the release, which removes the record if it is still ours.
 */
export function recordServerPid(dataDir: string): () => void {
  const file = join(dataDir, PID_FILE)
  writeFileSync(file, `${process.pid}\n`)
  return () => {
    if (runningServerPid(dataDir) === process.pid) rmSync(file, { force: true })
  }
}

/** The pid of a live server on DATA_DIR, or null; a record left by a server that died is ignored. */
export function runningServerPid(dataDir: string): number | null {
  let pid: number
  try {
    pid = Number(readFileSync(join(dataDir, PID_FILE), 'utf8').trim())
  } catch {
    return null
  }
  if (!Number.isInteger(pid) || pid <= 0) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch (e) {
    // EPERM: the process exists but belongs to another user; it is running all the same.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null
  }
}
