import { Worker } from 'node:worker_threads'

/** Wall-clock ms with sub-ms precision, comparable with the client threads' and other processes'. */
export const now = () => performance.timeOrigin + performance.now()

/** Per client, the batch markers it received and when. */
export type Received = { k: number; at: number }[][]
/** Per client, the deltas it received and the breaks in their numbering. */
export type Counts = { deltas: number; gaps: number }[]

/**
 * Starts `clients` Socket.IO clients of `url` on a worker thread (fanout-clients.mjs), so decoding
 * their deltas does not steal the measuring event loop; resolves once all are connected. With
 * `markerOnly` the clients read each delta's number and marker without parsing the rest (see there).
 * `stop()` disconnects them and returns what each received.
 */
export async function startClients(
  url: string,
  auth: Record<string, string>,
  clients: number,
  options: { markerOnly?: boolean } = {},
) {
  const worker = new Worker(new URL('./fanout-clients.mjs', import.meta.url), {
    workerData: { url, auth, clients, markerOnly: options.markerOnly ?? false },
  })
  await new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  return {
    async stop(): Promise<{ received: Received; counts: Counts }> {
      const done = new Promise<{ received: Received; counts: Counts }>((resolve) =>
        worker.once('message', (m: { received: Received; counts: Counts }) => resolve(m)),
      )
      worker.postMessage('stop')
      const result = await done
      await worker.terminate()
      return result
    },
  }
}

/**
 * Ms from each batch's start to each client receiving it. A delta carrying batch k also delivers the
 * batches before it that were coalesced into the same tick, so each of those counts, from its own
 * start. A delta can reach a client before the ingest answer reaches the feed: that is zero latency.
 * `missed` counts the (client, batch) pairs of `startedAt` that no delta delivered.
 */
export function latencies(perClient: Received, startedAt: ReadonlyMap<number, number>) {
  const out: number[] = []
  for (const got of perClient) {
    let last = -1
    for (const { k, at } of got) {
      for (let j = last + 1; j <= k; j++) {
        const t = startedAt.get(j)
        if (t !== undefined) out.push(Math.max(0, at - t))
      }
      last = Math.max(last, k)
    }
  }
  return { ms: out, missed: perClient.length * startedAt.size - out.length }
}
