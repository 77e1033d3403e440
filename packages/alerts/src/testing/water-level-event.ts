import type { AlertEvent } from '@ioc/domain'

/** Phú An's báo động levels (fixtures/hcmc/water-stations.json): I 1.40 m, II 1.50 m, III 1.60 m. */
const THRESHOLD = { warning: 1.4, minor: 1.4, major: 1.5, critical: 1.6 }

/**
 * A water-level event as the rules engine emits it, for the lifecycle's tests: at Phú An with its
 * threshold for the severity, unless told another station, value or threshold.
 */
export function waterLevelEvent(
  type: AlertEvent['type'],
  severity: AlertEvent['severity'],
  at: number,
  { stationId = 'phu-an', value = 1.62, threshold = THRESHOLD[severity] } = {},
): AlertEvent {
  return {
    type,
    key: `water-level:${stationId}`,
    kind: 'water-level',
    subject: { type: 'station', id: stationId },
    severity,
    value,
    threshold,
    unit: 'm',
    at,
    message: { vi: `${stationId} vượt báo động`, en: `${stationId} above alarm level` },
  }
}
