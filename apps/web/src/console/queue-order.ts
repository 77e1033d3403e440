import { type Alert, SEVERITY_RANK } from '@ioc/domain'

/**
 * The duty officer's queue order: most severe first; within a severity, what still needs a person
 * (unacknowledged) before what is being handled; then the oldest first, since it has waited longest.
 */
export function compareQueue(a: Alert, b: Alert): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    Number(a.ack !== null) - Number(b.ack !== null) ||
    a.raisedAt - b.raisedAt ||
    a.id.localeCompare(b.id)
  )
}

export function sortQueue(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(compareQueue)
}
