import { partitionsOf } from '@ioc/cluster'
import type { Logger } from 'pino'
import { heartbeat, type LeaseOp, partitionKeys, runLeaseOps, type ScriptRedis } from './partition-scripts'

/** Which partitions of the rules engine this instance owns, and the fencing token of each. */
export interface PartitionOwnership {
  /** Whether this instance owns `partition` now: it holds the lease, and the lease cannot have expired. */
  owns(partition: number): boolean
  /**
   * The fencing token of this instance's lease on `partition` while it owns it: greater than every
   * token any earlier owner of the partition had, so a store can refuse the writes of a deposed owner.
   */
  tokenOf(partition: number): number | undefined
  /**
   * The token of the lease this instance holds on `partition`, owned now or lapsed while its renewal
   * is on the way (a blocked event loop, a slow Redis); undefined once it is given away or lost. The
   * same token owned again means nobody else held the partition in between.
   */
  leaseTokenOf(partition: number): number | undefined
  /** The partitions this instance owns now, ascending. */
  owned(): number[]
  /** The live members as of the last heartbeat, this one included, sorted. */
  members(): readonly string[]
  /**
   * Called after ownership changed: `gained` are owned now (tokens ready), `lost` are not owned any
   * more (given away, or about to expire because Redis did not answer). Ascending, never both empty.
   */
  onChange(listener: (gained: readonly number[], lost: readonly number[]) => void): void
  /** Leaves the membership and releases every lease, so the others take the partitions at once. */
  close(): Promise<void>
}

interface Held {
  token: number
  /** `performance.now()` after which the lease no longer counts as ours. */
  validUntil: number
}

/**
 * Partition ownership over Redis. Each member, every third of `ttlMs`: heartbeats into the members
 * sorted set (gone `ttlMs` after its last heartbeat) and reads who is alive; computes its partitions
 * with `assignPartitions` (the same answer on every member that sees the same members); then in one
 * script renews the leases it keeps, releases those it should no longer own (so their new owner takes
 * them at its next step) and tries to acquire the rest (SET NX PX, with a fencing token).
 *
 * A dead member stops renewing; its leases and its heartbeat expire after `ttlMs`, and the members
 * that inherit its partitions acquire them at their next step: within `ttlMs` plus one period. A lease
 * counts as ours until a third of `ttlMs` before it can have expired (measured from before the
 * request that set it), so a member that cannot reach Redis steps down while its leases still stand,
 * with a third of the TTL to spare for work in flight, and never overlaps the next owner.
 */
export function holdPartitions(
  redis: ScriptRedis,
  options: { prefix: string; holder: string; ttlMs: number; logger: Logger },
): PartitionOwnership {
  const { holder, ttlMs, logger } = options
  const keys = partitionKeys(options.prefix)
  const periodMs = ttlMs / 3
  const validForMs = ttlMs - periodMs
  const held = new Map<number, Held>()
  const listeners: ((gained: readonly number[], lost: readonly number[]) => void)[] = []
  let announced = new Set<number>()
  let members: readonly string[] = []
  let stopped = false
  /** close() stopped waiting for the step in flight: whatever it still acquires is left to expire. */
  let abandoned = false
  let running: Promise<void> | undefined
  let stepTimer: NodeJS.Timeout | undefined
  let expiryTimer: NodeJS.Timeout | undefined

  const owns = (p: number) => {
    const h = held.get(p)
    return h !== undefined && performance.now() < h.validUntil
  }

  /** Tells the listeners what changed since they last heard, and wakes up when the next lease lapses. */
  function reconcile(): void {
    const now = performance.now()
    const current = new Set<number>()
    let nextLapse = Number.POSITIVE_INFINITY
    for (const [p, h] of held) {
      if (now >= h.validUntil) continue
      current.add(p)
      nextLapse = Math.min(nextLapse, h.validUntil)
    }
    clearTimeout(expiryTimer)
    if (nextLapse < Number.POSITIVE_INFINITY) expiryTimer = setTimeout(reconcile, nextLapse - now + 1)
    const gained = [...current].filter((p) => !announced.has(p)).sort((a, b) => a - b)
    const lost = [...announced].filter((p) => !current.has(p)).sort((a, b) => a - b)
    announced = current
    if (gained.length === 0 && lost.length === 0) return
    logger.info({ holder, gained, lost, owned: current.size }, 'partition ownership changed')
    for (const l of listeners) {
      try {
        l(gained, lost)
      } catch (err) {
        logger.error({ err }, 'partition ownership listener failed')
      }
    }
  }

  async function step(): Promise<void> {
    try {
      const view = await heartbeat(redis, keys, holder, ttlMs, 'join')
      if (stopped) return
      members = view
      const mine = new Set(partitionsOf(holder, view))
      const ops: LeaseOp[] = []
      for (const [partition, h] of held) {
        ops.push({ partition, kind: mine.has(partition) ? 'renew' : 'release', token: h.token })
        // Stop owning what we give away before anyone can take it.
        if (!mine.has(partition)) held.delete(partition)
      }
      for (const partition of mine) if (!held.has(partition)) ops.push({ partition, kind: 'acquire' })
      reconcile()
      const started = performance.now()
      const replies = await runLeaseOps(redis, keys, holder, ttlMs, ops)
      if (abandoned) return
      ops.forEach((op, i) => {
        const reply = replies[i] ?? 0
        if (op.kind === 'renew') {
          const h = held.get(op.partition)
          if (reply === 0) held.delete(op.partition)
          else if (h) h.validUntil = started + validForMs
        } else if (op.kind === 'acquire' && reply > 0) {
          held.set(op.partition, { token: reply, validUntil: started + validForMs })
        }
      })
      // While closing, close() releases what this step acquired and tells the listeners once.
      if (!stopped) reconcile()
    } catch (err) {
      // The expiry timer steps down in time; the next step tries again.
      logger.warn({ err, holder }, 'partition ownership: Redis unreachable')
    }
  }

  function tick(): void {
    if (stopped) return
    // A step still waiting for Redis is not doubled; its leases lapse on the expiry timer meanwhile.
    running ??= step().finally(() => {
      running = undefined
    })
    stepTimer = setTimeout(tick, periodMs)
  }
  tick()

  return {
    owns,
    tokenOf: (p) => (owns(p) ? held.get(p)?.token : undefined),
    leaseTokenOf: (p) => held.get(p)?.token,
    owned: () => [...held.keys()].filter(owns).sort((a, b) => a - b),
    members: () => members,
    onChange(listener) {
      listeners.push(listener)
    },
    async close() {
      if (stopped) return
      stopped = true
      clearTimeout(stepTimer)
      // Redis may not answer: a step left hanging longer than a TTL cannot hold anything we could release.
      abandoned = !(await within(running, ttlMs))
      const ops: LeaseOp[] = [...held].map(([partition, h]) => ({
        partition,
        kind: 'release',
        token: h.token,
      }))
      held.clear()
      reconcile()
      clearTimeout(expiryTimer)
      const leave = async () => {
        await heartbeat(redis, keys, holder, ttlMs, 'leave').catch(() => {})
        await runLeaseOps(redis, keys, holder, ttlMs, ops).catch(() => {})
      }
      await within(leave(), ttlMs)
    },
  }
}

/** Waits for `promise` (ignoring its failure) at most `ms`; whether it settled in time. */
async function within(promise: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const settled = await Promise.race([
    (promise ?? Promise.resolve()).then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms)
    }),
  ])
  clearTimeout(timer)
  return settled
}
