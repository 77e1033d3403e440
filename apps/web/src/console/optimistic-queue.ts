import { applyOfficerAction } from '@ioc/alerts'
import { type Alert, type AlertAction, isOpen } from '@ioc/domain'

/** An action sent to the server and not yet answered. */
export interface PendingAction {
  id: number
  alertId: string
  action: AlertAction
  by: string
  at: number
}

/**
 * What this console knows beyond the live feed: the server's replies to its own requests (which may
 * arrive before the matching `alert:changed`) and the actions still in flight.
 */
export interface OptimisticState {
  replies: Readonly<Record<string, Alert>>
  pending: readonly PendingAction[]
}

export type OptimisticEvent =
  | { type: 'sent'; pending: PendingAction }
  | { type: 'confirmed'; pendingId: number; alert: Alert }
  | { type: 'refused'; pendingId: number }

export const NO_OPTIMISM: OptimisticState = { replies: {}, pending: [] }

export function reduceOptimistic(state: OptimisticState, event: OptimisticEvent): OptimisticState {
  switch (event.type) {
    case 'sent':
      return { ...state, pending: [...state.pending, event.pending] }
    case 'confirmed':
      return {
        replies: { ...state.replies, [event.alert.id]: event.alert },
        pending: state.pending.filter((p) => p.id !== event.pendingId),
      }
    // Rolling back is forgetting the guess: the view falls back to what the server said last.
    case 'refused':
      return { ...state, pending: state.pending.filter((p) => p.id !== event.pendingId) }
  }
}

/**
 * The open alerts to show: the feed decides which alerts exist, the newer of feed and reply wins for
 * each, and actions in flight are applied on top with the same lifecycle the server runs
 * (`applyOfficerAction`), so a guess the server would refuse is never shown.
 */
export function optimisticAlerts(feed: readonly Alert[], state: OptimisticState): Alert[] {
  const byId = new Map<string, Alert>()
  for (const a of feed) {
    const reply = state.replies[a.id]
    byId.set(a.id, reply && reply.updatedAt > a.updatedAt ? reply : a)
  }
  for (const p of state.pending) {
    const alert = byId.get(p.alertId)
    if (!alert) continue
    const result = applyOfficerAction(alert, p.action, p.by, p.at)
    if (result.ok) byId.set(p.alertId, result.value)
  }
  return [...byId.values()].filter(isOpen)
}
