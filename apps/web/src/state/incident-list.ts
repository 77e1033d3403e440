import { type Alert, type OperationalIncident, SEVERITY_RANK } from '@ioc/domain'

/** The open incidents after one `operational-incident:changed`: replaced by id, dropped once resolved. */
export function applyIncidentChange(
  incidents: readonly OperationalIncident[],
  changed: OperationalIncident,
): OperationalIncident[] {
  const held = incidents.find((i) => i.id === changed.id)
  // Changes may cross on a reconnect; the newer version wins.
  if (held && held.updatedAt > changed.updatedAt) return [...incidents]
  const others = incidents.filter((i) => i.id !== changed.id)
  return changed.status === 'open' ? [...others, changed] : others
}

/** Its open alerts not yet acknowledged: what still needs someone. */
export function unackedCount(incident: OperationalIncident): number {
  return incident.members.filter((m) => !m.resolved && !m.acked).length
}

/** Its alerts not yet resolved. */
export function openCount(incident: OperationalIncident): number {
  return incident.members.filter((m) => !m.resolved).length
}

/**
 * Most urgent first: the most severe, then those with alerts nobody acknowledged, then the larger,
 * then the newest. The order of the console's incident queue, the wall's top incidents and its ticker.
 */
export function sortIncidents(incidents: readonly OperationalIncident[]): OperationalIncident[] {
  return [...incidents].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      Number(unackedCount(b) > 0) - Number(unackedCount(a) > 0) ||
      openCount(b) - openCount(a) ||
      b.openedAt - a.openedAt,
  )
}

/** The live alerts of an incident that are still open, most severe first. */
export function alertsOf(incident: OperationalIncident, alerts: readonly Alert[]): Alert[] {
  const ids = new Set(incident.members.map((m) => m.alertId))
  return alerts
    .filter((a) => ids.has(a.id))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.raisedAt - b.raisedAt)
}
