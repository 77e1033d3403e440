import type {
  Alert,
  AlertAction,
  ApiError,
  OperationalIncident,
  OperationalIncidentAction,
} from '@ioc/domain'
import {
  applyAlert,
  type GroupingContext,
  type IncidentActionError,
  type NewIncidentEvent,
  recordIncidentAction,
} from '@ioc/incidents'
import type { Logger } from 'pino'
import type { AlertResult, AlertService } from '../alerts/alert-service'
import type { Store } from '../store/store'

export interface IncidentEmitter {
  incidentChanged(incident: OperationalIncident): void
}

export interface IncidentService {
  /** Groups an alert change (as pushed, in commit order); resolves once the incidents are stored. */
  alertChanged(alert: Alert): Promise<void>
  /** Open incidents, newest first: what the console and the wall show. */
  openIncidents(): OperationalIncident[]
  /**
   * A duty officer's action on an incident. Ack, assign and resolve act on each of its open alerts
   * through the alert lifecycle (each audited there); the incident's trail records the action with the
   * alerts it changed and those that refused (already acknowledged by someone else, still active).
   */
  act(
    id: string,
    action: OperationalIncidentAction,
    by: string,
    origin: string,
  ): Promise<AlertResult<OperationalIncident>>
  /** Resolves once every change queued so far is stored. */
  settled(): Promise<void>
}

/** The alert action an incident action stands for, on each alert it applies to. */
function alertActionOf(action: OperationalIncidentAction): AlertAction | null {
  switch (action.type) {
    case 'acknowledge':
      return { type: 'acknowledge', note: action.note }
    case 'assign':
      return { type: 'assign', to: action.to }
    case 'resolve':
      return { type: 'resolve', note: action.note, force: action.force }
    case 'tick':
      return null
  }
}

/** Whether an alert action still has something to do on a member: the rest would only be refused. */
function applies(action: AlertAction, alert: Alert): boolean {
  if (alert.resolution) return false
  return action.type !== 'acknowledge' || alert.ack === null
}

/**
 * Operational incidents kept beside the alert lifecycle: every alert change the alert service pushes
 * is grouped here (packages/incidents), stored with its events, then pushed. It runs after the alert's
 * own commit, not in it, so the lifecycle stays as it is; after a crash between the two, `start`
 * groups whatever open alert no incident holds yet, in the order they were raised.
 */
export async function createIncidentService(deps: {
  store: Store
  alerts: Pick<AlertService, 'act' | 'openAlerts'>
  ctx: GroupingContext
  emit: IncidentEmitter
  logger: Logger
}): Promise<IncidentService> {
  const { store, alerts, ctx, emit, logger } = deps
  let open = await store.listOperationalIncidents({ state: 'open', limit: 10_000 })

  let queue: Promise<unknown> = Promise.resolve()
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job)
    queue = run.catch(() => undefined)
    return run
  }

  async function commit(changed: readonly OperationalIncident[], events: readonly NewIncidentEvent[]) {
    if (!changed.length && !events.length) return []
    const stored = await store.saveOperationalIncidents(changed, events)
    for (const i of changed) emit.incidentChanged(i)
    return stored
  }

  async function group(alert: Alert): Promise<void> {
    const step = applyAlert(open, alert, ctx)
    await commit(step.changed, step.events)
    open = step.open
  }

  // Catch up with what the alerts did while no incident service ran (first start, crash, upgrade).
  await serial(async () => {
    const live = new Map(alerts.openAlerts().map((a) => [a.id, a]))
    for (const i of open)
      for (const m of i.members) {
        if (m.resolved || live.has(m.alertId)) continue
        const a = await store.getAlert(m.alertId)
        if (a) await group(a)
      }
    for (const a of [...live.values()].sort((x, y) => x.raisedAt - y.raisedAt || x.id.localeCompare(y.id)))
      await group(a)
  })

  return {
    alertChanged(alert) {
      return serial(() => group(alert)).catch((err: unknown) => {
        logger.error({ err, alertId: alert.id }, 'grouping an alert into incidents failed')
      })
    },

    openIncidents() {
      return [...open].sort((a, b) => b.openedAt - a.openedAt || a.id.localeCompare(b.id))
    },

    async act(id, action, by, origin) {
      const incident = open.find((i) => i.id === id) ?? (await store.getOperationalIncident(id))
      if (!incident) return { ok: false, error: { code: 'not_found', message: `no incident "${id}"` } }
      if (incident.resolution)
        return { ok: false, error: describeRefusal({ code: 'already_resolved', ...incident.resolution }) }
      const alertAction = alertActionOf(action)
      const acted: string[] = []
      const refused: { alertId: string; message: string }[] = []
      if (alertAction) {
        const live = new Map(alerts.openAlerts().map((a) => [a.id, a]))
        for (const m of incident.members) {
          const alert = live.get(m.alertId)
          if (m.resolved || !alert || !applies(alertAction, alert)) continue
          const r = await alerts.act(m.alertId, alertAction, by, origin)
          if (r.ok) acted.push(m.alertId)
          else refused.push({ alertId: m.alertId, message: r.error.message })
        }
        if (!acted.length && refused.length) return { ok: false, error: refusal(refused) }
      }
      // The alerts' own changes are queued before this, so the incident is recorded as they left it.
      return serial(async () => {
        const current = open.find((i) => i.id === id) ?? (await store.getOperationalIncident(id)) ?? incident
        const details = alertAction ? { alertIds: acted, refused } : {}
        const r = recordIncidentAction(current, action, by, origin, Date.now(), details)
        if (!r.ok)
          return {
            ok: false as const,
            error: describeRefusal(r.error),
          }
        await commit([r.value.incident], [r.value.event])
        open = open.map((i) => (i.id === id ? r.value.incident : i))
        return { ok: true as const, value: r.value.incident }
      })
    },

    async settled() {
      await queue
    },
  }
}

function describeRefusal(e: IncidentActionError): ApiError {
  return e.code === 'unknown_step'
    ? {
        code: 'invalid_request',
        message: `no step "${e.stepId}" in procedure "${e.procedureId}" of this incident`,
      }
    : { code: 'conflict', message: `already resolved by ${e.by} at ${new Date(e.at).toISOString()}` }
}

function refusal(refused: readonly { message: string }[]): ApiError {
  return { code: 'conflict', message: refused.map((r) => r.message).join('; ') }
}
