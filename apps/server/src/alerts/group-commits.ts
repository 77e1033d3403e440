/**
 * Group commit: a batch that arrives while another is being committed waits, and goes into the next
 * commit together with every other batch that arrived meanwhile, so feeds posting at once share one
 * transaction (and one fsync) instead of queueing for one each. Each caller still hears of its own
 * batch only once that commit is durable.
 */
export function groupCommits<B, R>(options: {
  /** Queues a job after the ones before it (the alert service's commit order). */
  schedule: (job: () => Promise<void>) => void
  /** Commits batches in one transaction; one result per batch, in order. */
  commit: (batches: B[]) => Promise<R[]>
  size: (batch: B) => number
  /** A group stops growing once it holds this much. */
  maxSize: number
}): (batch: B) => Promise<R> {
  const waiting: { batch: B; resolve: (r: R) => void; reject: (e: unknown) => void }[] = []

  async function commitWaiting(): Promise<void> {
    // One turn of the event loop first: batches of other feeds already received are checked and join.
    await new Promise((resolve) => setImmediate(resolve))
    let size = 0
    let n = 0
    for (const { batch } of waiting) {
      size += options.size(batch)
      if (n > 0 && size > options.maxSize) break
      n++
    }
    const group = waiting.splice(0, n)
    if (!group.length) return
    if (waiting.length) options.schedule(commitWaiting)
    try {
      const results = await options.commit(group.map((g) => g.batch))
      for (const [i, g] of group.entries()) g.resolve(results[i] as R)
    } catch (err) {
      if (group.length === 1) return group[0]?.reject(err)
      // One bad batch must not fail the others: each goes again alone, in the same order.
      for (const g of group) {
        try {
          g.resolve(((await options.commit([g.batch])) as R[])[0] as R)
        } catch (e) {
          g.reject(e)
        }
      }
    }
  }

  return (batch) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ batch, resolve, reject })
      if (waiting.length === 1) options.schedule(commitWaiting)
    })
}
