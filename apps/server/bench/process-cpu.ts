import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())

/** CPU ticks (user + system) a process has used, from /proc/<pid>/stat; undefined once it is gone. */
function ticksOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces; fields 14 and 15 (utime, stime) follow its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return undefined
  }
}

/** The machine's busy and total ticks over all cores, from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...f] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string)
    .trim()
    .split(/\s+/)
    .map(Number)
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f
  const busy = user + nice + system + irq + softirq + steal
  return { busy, total: busy + idle + iowait }
}

/** The pids of the processes whose command name is `comm` (`ps -C`), e.g. `redis-server`. */
export function pidsNamed(comm: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === comm
      } catch {
        return false
      }
    })
    .map(Number)
}

/** What a group of processes used over the measured span: CPU seconds and cores (CPU s per wall s). */
export interface GroupCpu {
  cpuS: number
  cores: number
}

export interface CpuReport {
  wallS: number
  /** Busy cores of the whole machine, everyone's work included. */
  machineCores: number
  /** Of those, what the named groups did not use: other work on the machine. */
  otherCores: number
  groups: Record<string, GroupCpu>
  loadavg1m: number
}

/**
 * Measures the CPU that named groups of processes use between `start()` and `stop()` (children
 * included, which `process.cpuUsage` cannot see). `groups` is asked at both ends: a process that
 * appears in between counts from zero, one that exits in between is not counted.
 */
export async function meterCpu(groups: () => Promise<Record<string, number[]>>) {
  const snapshot = async () => {
    const byGroup = await groups()
    const ticks = new Map<number, number>()
    for (const pids of Object.values(byGroup))
      for (const pid of pids) {
        const t = ticksOf(pid)
        if (t !== undefined) ticks.set(pid, t)
      }
    return { atMs: performance.now(), machine: machineTicks(), byGroup, ticks }
  }
  const before = await snapshot()
  return {
    async stop(): Promise<CpuReport> {
      const after = await snapshot()
      const wallS = (after.atMs - before.atMs) / 1000
      const round = (x: number) => Number(x.toFixed(2))
      const result: Record<string, GroupCpu> = {}
      let used = 0
      for (const [name, pids] of Object.entries(after.byGroup)) {
        const ticks = pids.reduce(
          (sum, pid) => sum + (after.ticks.get(pid) ?? 0) - (before.ticks.get(pid) ?? 0),
          0,
        )
        const cpuS = ticks / TICKS_PER_S
        used += cpuS
        result[name] = { cpuS: round(cpuS), cores: round(cpuS / wallS) }
      }
      const machine = after.machine.busy - before.machine.busy
      const share = machine / (after.machine.total - before.machine.total)
      const machineCores = share * availableParallelism()
      return {
        wallS: round(wallS),
        machineCores: round(machineCores),
        otherCores: round(Math.max(0, machineCores - used / wallS)),
        groups: result,
        loadavg1m: round(loadavg()[0] ?? 0),
      }
    },
  }
}
