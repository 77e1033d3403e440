import type { Observation } from '@ioc/domain'
import { ndjson } from './test-server'

export interface RetryingFeed {
  /** The batches answered 2xx, in the order they were sent. */
  readonly acknowledged: readonly Observation[][]
  /** The request waiting for its answer now, if any: to which instance, with which batch. */
  inFlight(): { url: string; batch: readonly Observation[] } | undefined
  /** Stops after the batch in flight is acknowledged; rejects with what stopped the feed, if anything did. */
  stop(): Promise<void>
  /** Stops at once, leaving the batch in flight unacknowledged (a test's clean-up). */
  close(): Promise<void>
}

/**
 * A feed behind a balancer: batch after batch (`batchAt(0)`, `batchAt(1)`, …, `pauseMs` apart) as
 * NDJSON to the first of `instances()`; a request that fails (connection refused or reset, 5xx)
 * is sent again, the same batch, to the next instance, until one answers 2xx. Any other answer
 * (4xx) stops the feed: the batch is bad, and a retry would not help.
 */
export function startRetryingFeed(options: {
  batchAt: (k: number) => Observation[]
  instances: () => readonly string[]
  ingestKey: string
  pauseMs: number
}): RetryingFeed {
  const acknowledged: Observation[][] = []
  let sending: { url: string; batch: readonly Observation[] } | undefined
  let stopping = false
  let closed = false

  /** Whether `url` acknowledged the batch; false when the request failed in a way worth retrying. */
  async function send(url: string, batch: readonly Observation[]): Promise<boolean> {
    sending = { url, batch }
    const answer = await fetch(`${url}/api/v1/observations`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${options.ingestKey}` },
      body: ndjson(batch),
    })
      .then(async (res) => ({ status: res.status, text: await res.text() }))
      .catch(() => null)
      .finally(() => {
        sending = undefined
      })
    if (answer === null || answer.status >= 500) return false
    if (answer.status >= 300) throw new Error(`${url} refused a batch: ${answer.status} ${answer.text}`)
    return true
  }

  async function run(): Promise<void> {
    for (let k = 0; !stopping; k++) {
      const batch = options.batchAt(k)
      for (let attempt = 0; ; attempt++) {
        if (closed) return
        const targets = options.instances()
        if (await send(targets[attempt % targets.length] as string, batch)) break
        await new Promise((r) => setTimeout(r, 20))
      }
      acknowledged.push(batch)
      await new Promise((r) => setTimeout(r, options.pauseMs))
    }
  }

  const running = run()
  running.catch(() => {})
  return {
    acknowledged,
    inFlight: () => sending,
    stop() {
      stopping = true
      return running
    },
    async close() {
      stopping = true
      closed = true
      await running.catch(() => {})
    },
  }
}
