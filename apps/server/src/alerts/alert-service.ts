import { randomUUID } from 'node:crypto'
import {
  type AlertActionError,
  type AlertBook,
  createAlertBook,
  mayChange,
  stepEscalation,
  stepEvents,
  stepObservations,
  stepOfficerAction,
  stepTick,
  type Turn,
} from '@ioc/alerts'
import {
  type Alert,
  type AlertAction,
  type AlertEvent,
  type ApiError,
  type Network,
  type NewSilence,
  type Observation,
  type Result,
  SEVERITY_RANK,
  type Silence,
} from '@ioc/domain'
import {
  createRulesEngine,
  parseRulesEngineState,
  type RulesConfig,
  type RulesEngine,
  type SegmentState,
} from '@ioc/rules'
import type { Logger } from 'pino'
import type { AlertChange, TurnResult } from '../store/alert-store'
import type { InsertResult, Store } from '../store/store'
import type { AlertConfig } from './alert-config'
import { groupCommits } from './group-commits'
import { createWebhookNotifier } from './webhook-notifier'

export interface AlertEmitter {
  alertChanged(alert: Alert): void
  silenceChanged(silence: Silence): void
}

/** Bounds one group commit: ten full batches of 5,000. */
const MAX_GROUP_OBSERVATIONS = 50_000

/**
 * Pushes committed alert changes: every unsilenced change to the clients, and a webhook when an alert
 * became critical or was escalated. Both alert services publish through it.
 */
export function publishChanges(
  changes: readonly AlertChange[],
  emit: AlertEmitter,
  notifier: Pick<ReturnType<typeof createWebhookNotifier>, 'notify'>,
): void {
  for (const { alert, transition } of changes) {
    if (alert.silenced) continue
    emit.alertChanged(alert)
    const becameCritical =
      alert.severity === 'critical' &&
      (transition.action === 'raised' ||
        (transition.action === 'severity-changed' &&
          SEVERITY_RANK[String(transition.details.from) as Alert['severity']] < SEVERITY_RANK.critical))
    if (becameCritical && !alert.resolution) notifier.notify(alert, 'critical')
    if (transition.action === 'escalated') notifier.notify(alert, 'escalated')
  }
}

/** Why a new silence is refused (unknown subject, already over), or null: checked before anything is stored. */
export function refuseSilence(silence: NewSilence, network: Network, nowMs: number): ApiError | null {
  const known =
    silence.subject.type === 'station'
      ? network.stations.some((s) => s.id === silence.subject.id)
      : network.segments.some((s) => s.id === silence.subject.id)
  if (!known)
    return { code: 'invalid_request', message: `unknown ${silence.subject.type} "${silence.subject.id}"` }
  if (silence.until <= nowMs) return { code: 'invalid_request', message: 'until must be in the future' }
  return null
}

/** Why an assignment is refused (the assignee cannot act on alerts), or null. */
export async function refuseAssignment(
  store: Pick<Store, 'listUsers'>,
  action: AlertAction,
): Promise<ApiError | null> {
  if (action.type !== 'assign') return null
  const assignable = await store.listUsers(ACTING_ROLES)
  if (assignable.some((u) => u.name === action.to)) return null
  return { code: 'invalid_request', message: `"${action.to}" is not a duty officer or admin` }
}

/** What an alert service is made of, either kind. */
export interface AlertServiceDeps {
  store: Store
  network: Network
  rules: RulesConfig
  config: AlertConfig
  emit: AlertEmitter
  logger: Logger
}

/** Roles that hold `alerts:act`, so can be assigned an alert. */
export const ACTING_ROLES = ['duty-officer', 'admin'] as const

export type AlertResult<T> = Result<T, ApiError>

export interface AlertService {
  /**
   * Stores a validated batch and the alerts it causes in one transaction, then pushes the changes.
   * Batches that arrive while another commits share the next transaction (group-commits.ts).
   */
  ingest(batch: readonly Observation[]): Promise<InsertResult>
  /** The sensor-silent clock (live only). */
  tick(nowMs: number): Promise<void>
  /**
   * Stores alert events made outside the rules engine (the forecasts: kinds forecast-*) through the same
   * lifecycle, in commit order with the engine's, and pushes the changes. Added by the forecast work.
   */
  commitEvents(events: readonly AlertEvent[], nowMs: number): Promise<Alert[]>
  /** Escalates unacknowledged critical alerts that have waited too long. */
  escalate(nowMs: number): Promise<void>
  act(id: string, action: AlertAction, by: string, origin: string): Promise<AlertResult<Alert>>
  createSilence(silence: NewSilence, by: string): Promise<AlertResult<Silence>>
  cancelSilence(id: string): Promise<AlertResult<Silence>>
  /** Unresolved alerts that are not silenced: what the live picture shows. */
  openAlerts(): Alert[]
  /**
   * An alert another server instance changed (and already pushed): kept in `openAlerts` without pushing
   * or notifying again. An older version than the one held is ignored. Added by the scaling work.
   */
  adopt(alert: Alert): void
  close(): Promise<void>
}

/**
 * The alert lifecycle around the pure step of `@ioc/alerts`, one turn at a time in commit order: the
 * step runs on the engine and the alert book in memory, the store persists the turn it returns in one
 * transaction, then the changes are pushed. Restart safety: the engine state of every subject a batch
 * touches is written in the batch's own transaction (store `rules_state`), so after a crash the engine
 * resumes exactly where the last committed batch left it: open alerts, pending and hysteresis timers and
 * the readings it judged included. Nothing is replayed, nothing raised twice.
 */
export async function createAlertService(deps: AlertServiceDeps): Promise<AlertService> {
  const { store, network, rules, config, emit, logger } = deps
  const notifier = createWebhookNotifier(config.webhooks, store, logger)

  async function restoreEngine(): Promise<RulesEngine> {
    const saved = await store.loadRulesState()
    if (saved === null) return createRulesEngine(network, rules)
    const parsed = parseRulesEngineState(saved)
    if (!parsed.ok) {
      const where = parsed.error.map((i) => `${i.field}: ${i.message}`).join('; ')
      throw new Error(`the stored rules engine state is unreadable (${where})`)
    }
    return createRulesEngine(network, rules, parsed.value)
  }
  const loadBook = async (): Promise<AlertBook> => createAlertBook(await store.loadAlertBook(Date.now()))

  // A database a partitioned cluster ran last (docs/scaling-out.md, "Growing from one instance").
  const folded = await store.foldPartitionState()
  if (folded) logger.info({ partitions: folded }, 'took over the engine state of a partitioned cluster')
  let engine = await restoreEngine()
  let book = await loadBook()
  /**
   * Segment states as last committed, for a store that takes a segment's lastAtMs from its readings:
   * a batch then writes only the segments whose congestion state changed (most keep theirs).
   */
  const persistedSegments = store.derivesSegmentReadTimes ? new Map<string, SegmentState>() : undefined
  /** Set when a commit failed: the engine (and maybe the book) moved on without the store. */
  let behind = false

  /** Reloads the engine, then the book, from the store: what it holds is what the next step reads. */
  async function rebuild(): Promise<void> {
    engine = await restoreEngine()
    book = await loadBook()
    persistedSegments?.clear()
    behind = false
  }

  /** Brings the engine and book back to the store after a failed commit, before the next step. */
  async function current(): Promise<void> {
    if (behind) await rebuild()
  }

  // Turns run one at a time, in commit order, whatever the store's concurrency.
  let queue: Promise<unknown> = Promise.resolve()
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      await current()
      return job()
    })
    queue = run.catch(() => undefined)
    return run
  }

  /** Persists a turn, then takes its writes into the book and pushes them. */
  function commit(turn: Turn): Promise<TurnResult & { turn: Turn }> {
    return commitStepped(turn.observations, () => turn)
  }

  /** `commit` of the turn `step` returns, which the store may run while it stores `observations`. */
  async function commitStepped<T extends Turn>(
    observations: readonly Observation[],
    step: () => T,
  ): Promise<TurnResult & { turn: T }> {
    let turn: T | undefined
    let result: TurnResult
    try {
      result = await store.persistSteppedTurn(observations, () => {
        turn = step()
        return turn
      })
    } catch (err) {
      // The engine may have judged the turn already, and the book may be behind another instance's commits.
      behind = true
      throw err
    }
    if (!turn) throw new Error('the store committed a turn without stepping it')
    book.apply(turn.writes)
    publish(result.changes)
    return { ...result, turn }
  }

  const clock = () => ({ nowMs: Date.now(), newId: randomUUID })

  const publish = (changes: readonly AlertChange[]) => publishChanges(changes, emit, notifier)

  /** Stores batches in one turn with the alerts they cause; one result per batch. */
  async function commitBatches(batches: (readonly Observation[])[]): Promise<InsertResult[]> {
    // A failed group is committed again batch by batch (group-commits.ts), each from the store's state.
    await current()
    const observations = batches.length === 1 ? (batches[0] as readonly Observation[]) : batches.flat()
    // The engine judges the batch while PostgreSQL inserts it.
    const { stored, turn } = await commitStepped(observations, () =>
      stepObservations(engine, book, observations, { ...clock(), persisted: persistedSegments }),
    )
    for (const [id, st] of Object.entries(turn.state.segments)) persistedSegments?.set(id, st)
    // `stored` keeps the order and the objects of the input, so it splits back batch by batch.
    let k = 0
    return batches.map((batch) => {
      const mine: Observation[] = []
      for (const o of batch) if (stored[k] === o) mine.push(stored[k++] as Observation)
      return { accepted: mine.length, duplicates: batch.length - mine.length, stored: mine }
    })
  }

  /** The alert as the book holds it, or as stored when the lifecycle can no longer change it. */
  async function entryOf(id: string) {
    const held = book.get(id)
    if (held) return held
    const stored = await store.getAlert(id)
    if (!stored) return null
    if (!mayChange(stored)) return { alert: stored, criticalSince: null }
    // Stored since the book was loaded (another instance raised it): the book is behind.
    await rebuild()
    return book.get(id) ?? { alert: stored, criticalSince: null }
  }

  return {
    ingest: groupCommits({
      schedule: (job) => void serial(job),
      commit: commitBatches,
      size: (batch) => batch.length,
      maxSize: MAX_GROUP_OBSERVATIONS,
    }),

    commitEvents(events, nowMs) {
      return serial(async () => {
        if (!events.length) return []
        const { changes } = await commit(stepEvents(book, events, { nowMs, newId: randomUUID }))
        return changes.map((c) => c.alert)
      })
    },

    tick(nowMs) {
      return serial(async () => {
        const turn = stepTick(engine, book, { nowMs, newId: randomUUID })
        if (turn) await commit(turn)
      })
    },

    escalate(nowMs) {
      return serial(async () => {
        const turn = stepEscalation(book, nowMs - config.escalateAfterMs, nowMs)
        if (turn) await commit(turn)
      })
    },

    async act(id, action, by, origin) {
      const refused = await refuseAssignment(store, action)
      if (refused) return { ok: false, error: refused }
      return serial(async (): Promise<AlertResult<Alert>> => {
        const entry = await entryOf(id)
        if (!entry) return { ok: false, error: describeRefusal(id, { code: 'not_found' }) }
        const turn = stepOfficerAction(entry, action, by, Date.now(), origin)
        if (!turn.ok) return { ok: false, error: describeRefusal(id, turn.error) }
        const { changes } = await commit(turn.value)
        return { ok: true, value: (changes[0] as AlertChange).alert }
      })
    },

    async createSilence(silence, by) {
      const now = Date.now()
      const refused = refuseSilence(silence, network, now)
      if (refused) return { ok: false, error: refused }
      const created = await serial(async () => {
        const s = await store.createSilence(silence, by, now)
        book.applySilence(s)
        return s
      })
      emit.silenceChanged(created)
      return { ok: true, value: created }
    },

    async cancelSilence(id) {
      const cancelled = await serial(async () => {
        const s = await store.cancelSilence(id, Date.now())
        if (s) book.applySilence(s)
        return s
      })
      if (!cancelled) return { ok: false, error: { code: 'not_found', message: `no active silence "${id}"` } }
      emit.silenceChanged(cancelled)
      return { ok: true, value: cancelled }
    },

    openAlerts: () => openAlertsOf(book),

    adopt(alert) {
      book.adopt(alert)
    },

    async close() {
      await queue
      await notifier.close()
    },
  }
}

/** What the live picture shows of a book: its unresolved alerts that are not silenced, newest first. */
export function openAlertsOf(book: AlertBook): Alert[] {
  return book
    .open()
    .filter((a) => !a.silenced)
    .sort((a, b) => b.raisedAt - a.raisedAt)
}

/** The API error of an officer's action the lifecycle refused. */
export function describeRefusal(id: string, e: AlertActionError | { code: 'not_found' }): ApiError {
  const when = (at: number) => new Date(at).toISOString()
  switch (e.code) {
    case 'not_found':
      return { code: 'not_found', message: `no alert "${id}"` }
    case 'already_acknowledged':
      return { code: 'conflict', message: `already acknowledged by ${e.by} at ${when(e.at)}` }
    case 'already_resolved':
      return { code: 'conflict', message: `already resolved by ${e.by} at ${when(e.at)}` }
    case 'still_active':
      return {
        code: 'conflict',
        message: 'the alert is still active: resolve it once cleared, or force it with a reason',
      }
  }
}
