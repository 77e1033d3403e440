import { randomUUID } from 'node:crypto'
import { type AlertBook, createAlertBook, stepObservations } from '@ioc/alerts'
import { networkOfPartition } from '@ioc/cluster'
import type { Network, Observation } from '@ioc/domain'
import { createRulesEngine, type RulesConfig, type RulesEngine, RulesEngineState } from '@ioc/rules'
import type { Logger } from 'pino'
import type { AlertChange, AlertStore } from '../store/alert-store'
import { FencedOutError, type PartitionClaim } from '../store/partition-checkpoint'
import type { PartitionOwnership } from './partition-ownership'
import { readPartitionStreams, type StreamRedis, trimPartitionStream } from './partition-streams'

/** A partition this instance owns, as its last committed turn left it. */
interface Held {
  claim: PartitionClaim
  engine: RulesEngine
  book: AlertBook
  cursor: string
}

export interface PartitionOwnerOptions {
  ownership: PartitionOwnership
  store: Pick<AlertStore, 'claimPartition' | 'persistPartitionTurn'>
  /** A connection of its own: the owner blocks on it in XREAD. */
  reader: StreamRedis
  prefix: string
  network: Network
  rules: RulesConfig
  logger: Logger
  /** What each committed turn changed, with the readings it judged (to publish). */
  onCommitted(changes: readonly AlertChange[], observations: readonly Observation[]): void
  /** How long one XREAD waits for entries, ms; also how soon a change of ownership is acted on. */
  blockMs?: number
  /** Stream entries read per partition and turn (each a stored batch's share of the partition). */
  entriesPerTurn?: number
  clock?: () => number
}

export interface PartitionOwner {
  /** The committed cursor of each partition held now (for tests and metrics). */
  cursors(): ReadonlyMap<number, string>
  /** Stops after the turns in flight; the partitions are left to the ownership to release. */
  close(): Promise<void>
}

/**
 * The partitioned rules engine on one instance: for each partition it owns, an engine and an alert
 * book over the partition's subjects only, loaded from the partition's checkpoint when it is gained,
 * stepped on the partition's stream from the checkpoint's cursor, each turn persisted with the
 * checkpoint (fenced by the lease's token). Partitions step side by side: no lock but each
 * partition's checkpoint row. A partition lost, or fenced out by a newer owner, is dropped; after a
 * failed commit it is loaded again from its checkpoint, since its engine has stepped past what
 * committed.
 */
export function ownPartitions(options: PartitionOwnerOptions): PartitionOwner {
  const { ownership, store, reader, prefix, logger } = options
  const blockMs = options.blockMs ?? 250
  const count = options.entriesPerTurn ?? 16
  const clock = options.clock ?? Date.now
  const held = new Map<number, Held>()
  let closed = false
  let wake: (() => void) | undefined
  ownership.onChange(() => wake?.())

  async function claim(p: number, token: number): Promise<void> {
    const c = { partition: p, token }
    const checkpoint = await store.claimPartition(c, clock())
    // Lost while loading (a rebalance right after a gain): the next owner has it, or will claim it.
    if (!ownership.owns(p) || ownership.tokenOf(p) !== token) return
    const state = checkpoint.state ? RulesEngineState.parse(checkpoint.state) : undefined
    held.set(p, {
      claim: c,
      engine: createRulesEngine(networkOfPartition(options.network, p), options.rules, state),
      book: createAlertBook(checkpoint.book),
      cursor: checkpoint.cursor,
    })
  }

  /**
   * Makes what is held match what is owned, from the ownership as it stands (not from its events: a
   * lease that lapsed for a moment and was renewed with the same token announces nothing).
   */
  async function reconcile(): Promise<void> {
    for (const [p, h] of held)
      if (ownership.tokenOf(p) !== h.claim.token || !ownership.owns(p)) held.delete(p)
    const missing = ownership.owned().filter((p) => !held.has(p))
    await Promise.all(
      missing.map(async (p) => {
        const token = ownership.tokenOf(p)
        if (token === undefined) return
        await claim(p, token).catch((err: Error) => {
          if (err instanceof FencedOutError) return
          logger.warn({ err: err.message, partition: p }, 'partition checkpoint not loaded; retrying')
        })
      }),
    )
  }

  async function turn(p: number, h: Held, observations: Observation[], cursor: string): Promise<void> {
    const step = stepObservations(h.engine, h.book, observations, { nowMs: clock(), newId: randomUUID })
    try {
      const changes = await store.persistPartitionTurn(h.claim, cursor, step)
      h.book.apply(step.writes)
      h.cursor = cursor
      options.onCommitted(changes, observations)
      trimPartitionStream(reader, prefix, p, cursor).catch(() => {})
    } catch (err) {
      if (held.get(p) === h) held.delete(p)
      if (err instanceof FencedOutError) {
        logger.info({ partition: p }, 'partition taken over by a newer owner')
        return
      }
      // Its engine stepped past what committed: loaded again from the checkpoint by the next reconcile.
      logger.warn({ err: (err as Error).message, partition: p }, 'partition turn not committed; reloading')
    }
  }

  async function run(): Promise<void> {
    while (!closed) {
      // A checkpoint that failed to load is tried again next round, after the XREAD's wait.
      await reconcile()
      const cursors = new Map([...held].map(([p, h]) => [p, h.cursor]))
      if (!cursors.size) {
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, blockMs)
        })
        wake = undefined
        continue
      }
      let read: Awaited<ReturnType<typeof readPartitionStreams>>
      try {
        read = await readPartitionStreams(reader, prefix, cursors, { blockMs, count })
      } catch (err) {
        if (closed) return
        logger.warn({ err: (err as Error).message }, 'partition streams not read')
        await new Promise((r) => setTimeout(r, blockMs))
        continue
      }
      await Promise.all(
        [...read].map(([p, entries]) => {
          const h = held.get(p)
          const last = entries.at(-1)
          if (!h || !last || h.cursor !== cursors.get(p)) return undefined
          return turn(
            p,
            h,
            entries.flatMap((e) => e.observations),
            last.id,
          )
        }),
      )
    }
  }

  const running = run().catch((err: Error) => logger.error({ err: err.message }, 'partition owner stopped'))

  return {
    cursors: () => new Map([...held].map(([p, h]) => [p, h.cursor])),
    async close() {
      closed = true
      wake?.()
      await running
    },
  }
}
