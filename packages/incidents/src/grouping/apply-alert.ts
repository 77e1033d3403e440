import {
  type Alert,
  type IncidentMember,
  type OperationalIncident,
  type OperationalIncidentEvent,
  SEVERITY_RANK,
} from '@ioc/domain'
import { matchIncident, ruleOf } from './match-incident'
import { type GroupingContext, refreshIncident } from './refresh-incident'

export type NewIncidentEvent = Omit<OperationalIncidentEvent, 'seq'>

export interface GroupingStep {
  /** The open incidents after the change. */
  open: OperationalIncident[]
  /** Incidents the change altered (opened, joined, updated, closed), to store and push. */
  changed: OperationalIncident[]
  events: NewIncidentEvent[]
}

/** The incident's `id` for a first alert: every instance grouping the same alert names it the same. */
export function incidentIdOf(alertId: string): string {
  return `inc-${alertId}`
}

function memberOf(alert: Alert, previous: IncidentMember | undefined, ctx: GroupingContext): IncidentMember {
  const place = ctx.places.of(alert.subject)
  const peak =
    previous && SEVERITY_RANK[previous.peakSeverity] > SEVERITY_RANK[alert.peak.severity]
      ? previous.peakSeverity
      : alert.peak.severity
  return {
    alertId: alert.id,
    kind: alert.kind,
    subject: alert.subject,
    location: place?.location ?? null,
    district: place?.district ?? '',
    name: place?.name ?? '',
    severity: alert.severity,
    peakSeverity: peak,
    raisedAt: alert.raisedAt,
    active: alert.active,
    acked: alert.ack !== null,
    resolved: alert.resolution !== null,
  }
}

const system = (incidentId: string, action: NewIncidentEvent['action'], at: number, details = {}) => ({
  incidentId,
  action,
  at,
  by: 'system',
  origin: 'grouping',
  note: '',
  details,
})

/** Equal but for `updatedAt`: a change that changes nothing is not stored or pushed. */
function same(a: OperationalIncident, b: OperationalIncident): boolean {
  return JSON.stringify({ ...a, updatedAt: 0 }) === JSON.stringify({ ...b, updatedAt: 0 })
}

/**
 * What an alert change does to the open incidents: an alert an incident holds updates it (and closes
 * it once all its alerts are resolved); a new unresolved alert joins the incident its grouping rule
 * picks or opens one. A gauge alert's change re-words the street floods it may drive.
 * Pure: the same incidents and alert give the same step.
 */
export function applyAlert(
  open: readonly OperationalIncident[],
  alert: Alert,
  ctx: GroupingContext,
): GroupingStep {
  const at = alert.updatedAt
  const events: NewIncidentEvent[] = []
  const holder = open.find((i) => i.members.some((m) => m.alertId === alert.id))
  let touched: OperationalIncident
  if (holder) {
    touched = {
      ...holder,
      members: holder.members.map((m) => (m.alertId === alert.id ? memberOf(alert, m, ctx) : m)),
    }
  } else {
    if (alert.resolution) return { open: [...open], changed: [], events: [] }
    const member = memberOf(alert, undefined, ctx)
    const target = matchIncident(open, member, ctx.places, ctx.grouping)
    if (target) {
      touched = { ...target, members: [...target.members, member] }
      events.push(system(target.id, 'alert-joined', at, { alertId: alert.id }))
    } else {
      touched = {
        id: incidentIdOf(alert.id),
        status: 'open',
        severity: alert.severity,
        grouping: {
          rule: ruleOf(alert.kind, ctx.grouping),
          district: null,
          corridor: null,
          withinM: null,
          spanM: 0,
          cause: null,
          driver: null,
        },
        members: [member],
        openedAt: alert.raisedAt,
        updatedAt: at,
        quietSince: null,
        ack: null,
        assignee: null,
        resolution: null,
        checklist: [],
      }
      events.push(system(touched.id, 'opened', at, { alertId: alert.id }))
    }
  }
  const others = open.filter((i) => i.id !== touched.id)
  touched = refreshIncident(touched, others, ctx, at)
  if (touched.status === 'resolved' && !touched.resolution && alert.resolution) {
    const { by, at: resolvedAt, note } = alert.resolution
    touched = { ...touched, resolution: { by, at: resolvedAt, note } }
  }
  if (touched.status === 'resolved') events.push(system(touched.id, 'closed', at))

  const changed: OperationalIncident[] = []
  const before = open.find((i) => i.id === touched.id)
  if (!before || !same(before, touched)) changed.push({ ...touched, updatedAt: at })
  let next = open.map((i) => (i.id === touched.id ? (changed[0] ?? i) : i))
  if (!before) next.push(changed[0] as OperationalIncident)

  // A gauge's báo động may now drive (or drive harder) the street floods around it.
  if (alert.kind === 'water-level') {
    next = next.map((i) => {
      if (i.grouping.rule !== 'street-flood' || i.id === touched.id) return i
      const again = refreshIncident(
        i,
        next.filter((o) => o.id !== i.id),
        ctx,
        at,
      )
      if (same(i, again)) return i
      const stamped = { ...again, updatedAt: at }
      changed.push(stamped)
      return stamped
    })
  }
  return { open: next.filter((i) => i.status === 'open'), changed, events }
}
