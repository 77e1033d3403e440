import { type Alert, isOpen, SEVERITY_RANK } from '@ioc/domain'

/** The open alerts after one `alert:changed`: replaced by id, dropped once resolved. */
export function applyAlertChange(alerts: readonly Alert[], changed: Alert): Alert[] {
  const others = alerts.filter((a) => a.id !== changed.id)
  return isOpen(changed) ? [...others, changed] : others
}

/** Most severe first, then newest first: the order of the wall ticker and the duty queue. */
export function sortBySeverity(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.raisedAt - a.raisedAt,
  )
}

export function isUnacknowledged(a: Alert): boolean {
  return isOpen(a) && a.ack === null
}
