import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs'

/** The CFS period of a limit: 100 ms, as Kubernetes sets for a container's `resources.limits.cpu`. */
const PERIOD_US = 100_000
const V1 = '/sys/fs/cgroup/cpu'
const V2 = '/sys/fs/cgroup'

export interface CpuLimit {
  /** Write a pid here to put that process (and the children it starts after) under the limit. */
  procsFile: string
  /** Periods in which the group used its whole quota and had to wait: how often the limit bound it. */
  throttled(): { periods: number; throttledPeriods: number }
  remove(): void
}

/**
 * A CPU limit for a group of processes, as a container runtime sets one: a cgroup whose CFS quota is
 * `cores` × the period (cgroup v1's cpu controller, or cgroup v2's cpu.max). It needs write access to
 * /sys/fs/cgroup (root, as on the bench machine); without it, it throws and says so, rather than
 * measuring something else under the same name.
 */
export function createCpuLimit(name: string, cores: number): CpuLimit {
  const quota = Math.round(cores * PERIOD_US)
  const v1 = existsSync(`${V1}/cpu.cfs_quota_us`)
  const dir = `${v1 ? V1 : V2}/${name}`
  try {
    mkdirSync(dir, { recursive: true })
    if (v1) {
      writeFileSync(`${dir}/cpu.cfs_period_us`, String(PERIOD_US))
      writeFileSync(`${dir}/cpu.cfs_quota_us`, String(quota))
    } else writeFileSync(`${dir}/cpu.max`, `${quota} ${PERIOD_US}`)
  } catch (cause) {
    throw new Error(`cannot limit CPU with a cgroup at ${dir} (needs root and a writable cgroup fs)`, {
      cause,
    })
  }
  return {
    procsFile: `${dir}/cgroup.procs`,
    throttled() {
      const stat = Object.fromEntries(
        readFileSync(`${dir}/cpu.stat`, 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(' ') as [string, string]),
      )
      return { periods: Number(stat.nr_periods), throttledPeriods: Number(stat.nr_throttled) }
    },
    remove() {
      // A cgroup can be removed once its processes have exited; a leftover one only holds a name.
      try {
        rmdirSync(dir)
      } catch {}
    },
  }
}
