import { randomUUID } from 'node:crypto'
import {
  type AlertBook,
  type BookEntry,
  createAlertBook,
  mayChange,
  stepEscalation,
  stepEvents,
  stepObservations,
  stepOfficerAction,
  stepTick,
  type Turn,
} from '@ioc/alerts'
import { networkOfPartition, stateOfPartition } from '@ioc/cluster'
import type { Alert, Network, Observation } from '@ioc/domain'
import { createRulesEngine, type RulesConfig, type RulesEngine, RulesEngineState } from '@ioc/rules'
import type { Logger } from 'pino'
import type { AlertChange, AlertStore } from '../store/alert-store'
import { FencedOutError, type PartitionCheckpoint, type PartitionClaim } from '../store/partition-checkpoint'
import type { PartitionOwnership } from './partition-ownership'
import type { PartitionReply, PartitionRequest } from './partition-request'
import {
  type PartitionEntry,
  readPartitionStreams,
  type StreamRedis,
  trimPartitionStream,
} from './partition-streams'

/** A partition this instance owns, as its last committed turn left it. */
interface Held {
  claim: PartitionClaim
  engine: RulesEngine
  book: AlertBook
  cursor: string
}

export interface PartitionOwnerOptions {
  ownership: PartitionOwnership
  store: Pick<AlertStore, 'claimPartitions' | 'persistPartitionTurn' | 'getAlert' | 'loadRulesState'>
  /** A connection of its own: the owner blocks on it in XREAD. */
  reader: StreamRedis
  prefix: string
  network: Network
  rules: RulesConfig
  logger: Logger
  /** What each committed turn changed, with the readings it judged (to publish). */
  onCommitted(changes: readonly AlertChange[], observations: readonly Observation[]): void
  /**
   * The partition's alerts as its checkpoint holds them, each time this instance claims it (to
   * publish again): a previous owner killed between a commit and its publication told nobody.
   */
  onClaimed(alerts: readonly Alert[]): void
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

  /**
   * Makes what is held match what is owned, from the ownership as it stands (not from its events: a
   * lease that lapsed for a moment and was renewed with the same token announces nothing).
   */
  async function reconcile(): Promise<void> {
    // A lease that lapsed for a moment keeps its engine: owned again with the same token, nobody else
    // stepped the partition, and claiming again would cost a read of the alert book each time (under
    // load, enough to make the next lease lapse too). It is only not judged meanwhile.
    for (const [p, h] of held) if (ownership.leaseTokenOf(p) !== h.claim.token) held.delete(p)
    const claims: PartitionClaim[] = []
    for (const p of ownership.owned()) {
      const token = ownership.tokenOf(p)
      if (!held.has(p) && token !== undefined) claims.push({ partition: p, token })
    }
    if (!claims.length) return
    let checkpoints: Map<number, PartitionCheckpoint>
    let unpartitioned: RulesEngineState | null = null
    try {
      checkpoints = await store.claimPartitions(claims, clock())
      // Partitions never stepped with state start from what the one engine of an unpartitioned
      // deployment left (nothing on a new one): an upgrade to several instances keeps its open alerts'
      // memories (hysteresis, timers) instead of raising them again.
      if ([...checkpoints.values()].some((c) => c.state === null)) {
        const saved = await store.loadRulesState()
        unpartitioned = saved ? RulesEngineState.parse(saved) : null
      }
    } catch (err) {
      // Tried again next round, after the XREAD's wait.
      logger.warn({ err: (err as Error).message, claims: claims.length }, 'partition checkpoints not loaded')
      return
    }
    for (const { partition: p, token } of claims) {
      const checkpoint = checkpoints.get(p)
      // Fenced by a newer owner, or lost while loading (a rebalance right after a gain).
      if (!checkpoint || ownership.leaseTokenOf(p) !== token) continue
      const state = checkpoint.state
        ? RulesEngineState.parse(checkpoint.state)
        : unpartitioned
          ? stateOfPartition(unpartitioned, p)
          : undefined
      held.set(p, {
        claim: { partition: p, token },
        engine: createRulesEngine(networkOfPartition(options.network, p), options.rules, state),
        book: createAlertBook(checkpoint.book),
        cursor: checkpoint.cursor,
      })
      options.onClaimed(checkpoint.book.entries.map((e) => e.alert))
    }
  }

  /** Persists one step of a partition with the cursor it reaches; false when it did not commit. */
  async function commit(
    p: number,
    h: Held,
    step: Parameters<typeof store.persistPartitionTurn>[2],
    observations: readonly Observation[],
    cursor: string,
  ): Promise<AlertChange[] | null> {
    try {
      const changes = await store.persistPartitionTurn(h.claim, cursor, step)
      h.book.apply(step.writes)
      h.cursor = cursor
      options.onCommitted(changes, observations)
      trimPartitionStream(reader, prefix, p, cursor).catch(() => {})
      return changes
    } catch (err) {
      if (held.get(p) === h) held.delete(p)
      if (err instanceof FencedOutError) {
        logger.info({ partition: p }, 'partition taken over by a newer owner')
        return null
      }
      // Its engine stepped past what committed: loaded again from the checkpoint by the next reconcile.
      logger.warn({ err: (err as Error).message, partition: p }, 'partition turn not committed; reloading')
      return null
    }
  }

  async function reply(request: PartitionRequest, result: PartitionReply['result']): Promise<void> {
    const answer: PartitionReply = { request: request.request, result }
    await reader.publish(request.replyTo, JSON.stringify(answer)).catch(() => {})
  }

  /**
   * A request, in its place among the partition's readings. Only a turn that changes alerts commits;
   * a refusal, a silence or a turn without writes moves the cursor in memory, committed by the next
   * turn (a new owner answers such an entry again, which the asker ignores).
   */
  async function answer(p: number, h: Held, id: string, request: PartitionRequest): Promise<boolean> {
    /** Commits a turn (none: only the cursor moves, in memory) and answers with what it changed. */
    const settle = async (turn: Turn | null) => {
      if (!turn?.writes.length) {
        h.cursor = id
        await reply(request, { ok: true, alerts: [] })
        return true
      }
      const changes = await commit(p, h, turn, [], id)
      if (!changes) return false
      await reply(request, { ok: true, alerts: changes.map((c) => c.alert) })
      return true
    }
    const newId = randomUUID
    switch (request.type) {
      case 'silence':
        h.book.applySilence(request.silence)
        return settle(null)
      case 'tick':
        return settle(stepTick(h.engine, h.book, { nowMs: request.nowMs, newId }))
      case 'escalate':
        return settle(stepEscalation(h.book, request.beforeMs, request.nowMs))
      case 'events':
        return settle(stepEvents(h.book, request.events, { nowMs: request.nowMs, newId }))
      case 'act': {
        let entry: BookEntry | undefined = h.book.get(request.alertId)
        if (!entry) {
          const stored = await store.getAlert(request.alertId)
          if (stored && !mayChange(stored)) entry = { alert: stored, criticalSince: null }
        }
        if (!entry) {
          h.cursor = id
          await reply(request, { ok: false, error: { code: 'not_found' } })
          return true
        }
        const step = stepOfficerAction(entry, request.action, request.by, request.atMs, request.origin)
        if (!step.ok) {
          h.cursor = id
          await reply(request, step)
          return true
        }
        return settle(step.value)
      }
    }
  }

  /** A partition's entries in order: each run of readings one turn, each request on its own. */
  async function judge(p: number, h: Held, entries: readonly PartitionEntry[]): Promise<void> {
    let run: Observation[] = []
    let runEnd: string | undefined
    const flush = async () => {
      if (runEnd === undefined) return true
      const step = stepObservations(h.engine, h.book, run, { nowMs: clock(), newId: randomUUID })
      const committed = await commit(p, h, step, run, runEnd)
      run = []
      runEnd = undefined
      return committed !== null
    }
    for (const e of entries) {
      if (e.request) {
        if (!(await flush()) || !(await answer(p, h, e.id, e.request))) return
      } else {
        for (const o of e.observations) run.push(o)
        runEnd = e.id
      }
    }
    await flush()
  }

  async function run(): Promise<void> {
    while (!closed) {
      // A checkpoint that failed to load is tried again next round, after the XREAD's wait.
      await reconcile()
      const cursors = new Map([...held].filter(([p]) => ownership.owns(p)).map(([p, h]) => [p, h.cursor]))
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
          if (!h || h.cursor !== cursors.get(p)) return undefined
          return judge(p, h, entries)
        }),
      )
    }
  }

  const running = run().catch((err: Error) => logger.error({ err: err.message }, 'partition owner stopped'))

  return {
    cursors: () => new Map([...held].filter(([p]) => ownership.owns(p)).map(([p, h]) => [p, h.cursor])),
    async close() {
      closed = true
      wake?.()
      await running
    },
  }
}
