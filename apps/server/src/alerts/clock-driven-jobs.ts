import type { Logger } from 'pino'

export interface ClockJob {
  name: string
  everyMs: number
  /** `nowMs` is the server clock when the run starts. */
  run(nowMs: number): Promise<void>
}

export interface ClockDrivenJobs {
  /**
   * Starts the timers. Called by the composition root; when several instances run, only the holder of
   * the leader lease should call it (and `stop` when it loses the lease), so each job runs once.
   */
  start(): void
  /** Stops the timers and waits for runs in flight. */
  stop(): Promise<void>
}

/** Jobs driven by the wall clock rather than by observations. A run never overlaps the previous one. */
export function createClockDrivenJobs(jobs: readonly ClockJob[], logger: Logger): ClockDrivenJobs {
  const timers: NodeJS.Timeout[] = []
  const running = new Set<Promise<void>>()
  return {
    start() {
      if (timers.length) return
      for (const job of jobs) {
        let busy = false
        timers.push(
          setInterval(() => {
            if (busy) return
            busy = true
            const p = job
              .run(Date.now())
              .catch((err: unknown) => logger.error({ err, job: job.name }, 'clock-driven job failed'))
              .finally(() => {
                busy = false
                running.delete(p)
              })
            running.add(p)
          }, job.everyMs),
        )
      }
    },
    async stop() {
      for (const t of timers.splice(0)) clearInterval(t)
      await Promise.all(running)
    },
  }
}
