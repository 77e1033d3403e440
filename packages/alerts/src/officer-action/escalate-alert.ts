import type { Alert, AlertTransition } from '@ioc/domain'

/** Escalation counts from the server clock at which the alert became critical. */
export const nextCriticalSince = (a: Alert, before: number | null, nowMs: number): number | null =>
  a.severity !== 'critical' ? null : (before ?? nowMs)

/** An unacknowledged critical alert, critical since `criticalSince`, escalated at `atMs`, and its transition. */
export function escalateAlert(
  alert: Alert,
  atMs: number,
  criticalSince: number | null,
): { alert: Alert; transition: Omit<AlertTransition, 'seq'> } {
  return {
    alert: { ...alert, escalatedAt: atMs, updatedAt: atMs },
    transition: {
      alertId: alert.id,
      action: 'escalated',
      at: atMs,
      by: 'system',
      origin: 'escalation',
      note: '',
      details: { criticalSince },
    },
  }
}
