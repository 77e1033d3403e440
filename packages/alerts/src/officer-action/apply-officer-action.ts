import { type Alert, type AlertAction, type AlertTransition, err, ok, type Result } from '@ioc/domain'

export type AlertActionError =
  | { code: 'already_acknowledged'; by: string; at: number }
  | { code: 'already_resolved'; by: string; at: number }
  | { code: 'still_active' }

/**
 * What a duty officer's action does to one alert, or why it is refused. Refusals carry who got there
 * first so the loser of a race can be told.
 */
export function applyOfficerAction(
  alert: Alert,
  action: AlertAction,
  by: string,
  at: number,
): Result<Alert, AlertActionError> {
  if (alert.resolution)
    return err({ code: 'already_resolved', by: alert.resolution.by, at: alert.resolution.at })
  switch (action.type) {
    case 'acknowledge':
      if (alert.ack) return err({ code: 'already_acknowledged', by: alert.ack.by, at: alert.ack.at })
      return ok({ ...alert, ack: { by, at, note: action.note }, updatedAt: at })
    case 'assign':
      return ok({ ...alert, assignee: { to: action.to, by, at }, updatedAt: at })
    case 'resolve':
      if (alert.active && !action.force) return err({ code: 'still_active' })
      return ok({ ...alert, resolution: { by, at, note: action.note, forced: alert.active }, updatedAt: at })
  }
}

const ACTION_NAMES = { acknowledge: 'acknowledged', assign: 'assigned', resolve: 'resolved' } as const

/** The transition that records a duty officer's action, once `applied` is the alert it left. */
export function actionTransition(
  applied: Alert,
  action: AlertAction,
  by: string,
  atMs: number,
  origin: string,
): Omit<AlertTransition, 'seq'> {
  return {
    alertId: applied.id,
    action: ACTION_NAMES[action.type],
    at: atMs,
    by,
    origin,
    note: action.type === 'assign' ? '' : action.note,
    details:
      action.type === 'assign'
        ? { to: action.to }
        : action.type === 'resolve'
          ? { forced: applied.resolution?.forced ?? false }
          : {},
  }
}
