import type { OperationalIncident, OperationalIncidentAction, Result } from '@ioc/domain'
import type { NewIncidentEvent } from '../grouping/apply-alert'

export type IncidentActionError =
  | { code: 'already_resolved'; by: string; at: number }
  | { code: 'unknown_step'; procedureId: string; stepId: string }

const EVENT = {
  acknowledge: 'acknowledged',
  assign: 'assigned',
  resolve: 'resolved',
} as const

/**
 * What a duty officer's action writes on the incident itself: who acknowledged or took it, a tick of
 * a checklist step, and the event for its trail. The alerts an action acts on are changed by the alert
 * lifecycle, each with its own transition; `details` names them.
 */
export function recordIncidentAction(
  incident: OperationalIncident,
  action: OperationalIncidentAction,
  by: string,
  origin: string,
  atMs: number,
  details: Record<string, unknown> = {},
): Result<{ incident: OperationalIncident; event: NewIncidentEvent }, IncidentActionError> {
  // A resolution acts on the alerts first, and their last one closes the incident before it is recorded.
  if (incident.status === 'resolved' && incident.resolution && action.type !== 'resolve')
    return {
      ok: false,
      error: { code: 'already_resolved', by: incident.resolution.by, at: incident.resolution.at },
    }
  const base = { incidentId: incident.id, at: atMs, by, origin, details }
  switch (action.type) {
    case 'acknowledge':
      return {
        ok: true,
        value: {
          incident: { ...incident, ack: { by, at: atMs, note: action.note }, updatedAt: atMs },
          event: { ...base, action: EVENT.acknowledge, note: action.note },
        },
      }
    case 'assign':
      return {
        ok: true,
        value: {
          incident: { ...incident, assignee: { to: action.to, by, at: atMs }, updatedAt: atMs },
          event: { ...base, action: EVENT.assign, note: '', details: { ...details, to: action.to } },
        },
      }
    case 'resolve':
      return {
        ok: true,
        value: {
          incident: { ...incident, updatedAt: atMs },
          event: { ...base, action: EVENT.resolve, note: action.note },
        },
      }
    case 'tick': {
      const { procedureId, stepId, done } = action
      const step = incident.checklist
        .find((p) => p.procedureId === procedureId)
        ?.steps.find((s) => s.id === stepId)
      if (!step) return { ok: false, error: { code: 'unknown_step', procedureId, stepId } }
      const checklist = incident.checklist.map((p) =>
        p.procedureId !== procedureId
          ? p
          : {
              ...p,
              steps: p.steps.map((s) =>
                s.id === stepId ? { ...s, tick: done ? { by, at: atMs } : null } : s,
              ),
            },
      )
      return {
        ok: true,
        value: {
          incident: { ...incident, checklist, updatedAt: atMs },
          event: {
            ...base,
            action: done ? 'step-ticked' : 'step-unticked',
            note: '',
            details: { ...details, procedureId, stepId, text: step.text },
          },
        },
      }
    }
  }
}
