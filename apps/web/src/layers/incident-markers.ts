import { type Alert, type OperationalIncident, SEVERITY_RANK } from '@ioc/domain'
import { alertsOf } from '../state/incident-list'
import { type NetworkIndex, subjectPosition } from '../state/network-index'
import { type AlertMarker, isMarked } from './alert-layers'

/**
 * One ring per incident rather than per alert (the wall on a storm night): at its most severe alert
 * that earns a ring, an unacknowledged one first, so the pulse still says someone must act.
 */
export function incidentMarkers(
  index: NetworkIndex,
  incidents: readonly OperationalIncident[],
  alerts: readonly Alert[],
): AlertMarker[] {
  return incidents.flatMap((incident) => {
    const [alert] = alertsOf(incident, alerts)
      .filter(isMarked)
      .sort(
        (a, b) =>
          SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
          Number(a.ack !== null) - Number(b.ack !== null),
      )
    const position = alert && subjectPosition(index, alert.subject)
    return alert && position ? [{ alert, position }] : []
  })
}
