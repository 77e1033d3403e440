import { type AlertActionError, outsideEngine, runEngine, tickEngine } from '@ioc/alerts'
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
import type { AlertChange } from '../store/alert-store'
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
 * The alert lifecycle around the pure rules engine. Restart safety: the engine state of every subject
 * a batch touches is written in the batch's own transaction (store `rules_state`), so after a crash the
 * engine resumes exactly where the last committed batch left it: open alerts, pending and hysteresis
 * timers included. Nothing is replayed, nothing raised twice.
 */
export async function createAlertService(deps: {
  store: Store
  network: Network
  rules: RulesConfig
  config: AlertConfig
  emit: AlertEmitter
  logger: Logger
}): Promise<AlertService> {
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
  let engine = await restoreEngine()
  /**
   * Segment states as last committed, for a store that takes a segment's lastAtMs from its readings:
   * a batch then writes only the segments whose congestion state changed (most keep theirs).
   */
  const persistedSegments = store.derivesSegmentReadTimes ? new Map<string, SegmentState>() : undefined

  const open = new Map<string, Alert>()
  for (const a of await store.listAlerts({ state: 'open' })) open.set(a.id, a)

  // Batches go through the engine one at a time, in commit order, whatever the store's concurrency.
  let queue: Promise<unknown> = Promise.resolve()
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job)
    queue = run.catch(() => undefined)
    return run
  }

  /** Runs `commit`; if it fails the engine may be ahead of the store, so it is rebuilt from the store. */
  async function guarded<T>(commit: () => Promise<T>): Promise<T> {
    try {
      return await commit()
    } catch (err) {
      engine = await restoreEngine()
      persistedSegments?.clear()
      throw err
    }
  }

  function publish(changes: readonly AlertChange[]): void {
    for (const { alert, transition } of changes) {
      if (alert.resolution) open.delete(alert.id)
      else open.set(alert.id, alert)
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

  /** Stores batches in one transaction with the alerts they cause; one result per batch. */
  async function commitBatches(batches: (readonly Observation[])[]): Promise<InsertResult[]> {
    let written: Record<string, SegmentState> = {}
    const { changes, stored } = await guarded(() =>
      store.insertObservationsWithAlerts(
        batches.length === 1 ? (batches[0] as readonly Observation[]) : batches.flat(),
        (stored) => {
          const out = runEngine(engine, stored, persistedSegments)
          written = out.state.segments
          return out
        },
        Date.now(),
      ),
    )
    for (const [id, st] of Object.entries(written)) persistedSegments?.set(id, st)
    publish(changes)
    // `stored` keeps the order and the objects of the input, so it splits back batch by batch.
    let k = 0
    return batches.map((batch) => {
      const mine: Observation[] = []
      for (const o of batch) if (stored[k] === o) mine.push(stored[k++] as Observation)
      return { accepted: mine.length, duplicates: batch.length - mine.length, stored: mine }
    })
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
        // The engine's own state goes back unchanged (no subject touched), so this commit cannot set it back.
        const out = outsideEngine(engine, events)
        const changes = await guarded(() => store.commitEngineOutput(out, nowMs))
        publish(changes)
        return changes.map((c) => c.alert)
      })
    },

    tick(nowMs) {
      return serial(async () => {
        const out = tickEngine(engine, nowMs)
        if (out) publish(await guarded(() => store.commitEngineOutput(out, nowMs)))
      })
    },

    async escalate(nowMs) {
      publish(await store.escalateDue(nowMs - config.escalateAfterMs, nowMs))
    },

    async act(id, action, by, origin) {
      if (action.type === 'assign') {
        const assignable = await store.listUsers(ACTING_ROLES)
        if (!assignable.some((u) => u.name === action.to))
          return {
            ok: false,
            error: { code: 'invalid_request', message: `"${action.to}" is not a duty officer or admin` },
          }
      }
      const r = await store.actOnAlert(id, action, by, Date.now(), origin)
      if (!r.ok) return { ok: false, error: describeRefusal(id, r.error) }
      publish([r.value])
      return { ok: true, value: r.value.alert }
    },

    async createSilence(silence, by) {
      const now = Date.now()
      const known =
        silence.subject.type === 'station'
          ? network.stations.some((s) => s.id === silence.subject.id)
          : network.segments.some((s) => s.id === silence.subject.id)
      if (!known)
        return {
          ok: false,
          error: {
            code: 'invalid_request',
            message: `unknown ${silence.subject.type} "${silence.subject.id}"`,
          },
        }
      if (silence.until <= now)
        return { ok: false, error: { code: 'invalid_request', message: 'until must be in the future' } }
      const created = await store.createSilence(silence, by, now)
      emit.silenceChanged(created)
      return { ok: true, value: created }
    },

    async cancelSilence(id) {
      const cancelled = await store.cancelSilence(id, Date.now())
      if (!cancelled) return { ok: false, error: { code: 'not_found', message: `no active silence "${id}"` } }
      emit.silenceChanged(cancelled)
      return { ok: true, value: cancelled }
    },

    openAlerts() {
      return [...open.values()].filter((a) => !a.silenced).sort((a, b) => b.raisedAt - a.raisedAt)
    },

    adopt(alert) {
      const held = open.get(alert.id)
      if (held && held.updatedAt > alert.updatedAt) return
      if (alert.resolution) open.delete(alert.id)
      else open.set(alert.id, alert)
    },

    async close() {
      await queue
      await notifier.close()
    },
  }
}

function describeRefusal(id: string, e: AlertActionError | { code: 'not_found' }): ApiError {
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
