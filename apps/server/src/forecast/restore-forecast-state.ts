import type { Alert, AlertEvent, Network, RoadSegment } from '@ioc/domain'
import {
  CONGESTION_TOLERANCE_MS,
  DEFAULT_TOLERANCE_MS,
  type ForecastAlertState,
  type OpenForecastAlert,
} from '@ioc/forecast'
import { congestionLevelsKph, type RulesConfig, waterReleaseMarginM } from '@ioc/rules'
import type { Store } from '../store/store'

const DAY_MS = 86_400_000

/**
 * The forecast alerts' memory rebuilt from the stored alerts, so a restart (or another instance taking
 * the lease) carries on: the forecast alerts still active are open again, and those verified in the last
 * day are spent until their subject's readings are back on the safe side.
 */
export async function restoreForecastState(
  store: Store,
  network: Network,
  rules: RulesConfig,
  nowMs: number,
): Promise<ForecastAlertState> {
  const segments = new Map(network.segments.map((s) => [s.id, s]))
  const open = new Map<string, OpenForecastAlert>()
  const spent = new Map<string, { direction: 'rise' | 'fall'; releaseAt: number }>()
  for (const kind of ['forecast-water-level', 'forecast-congestion'] as const) {
    // A forecast alert lives at most its lead (≤ 3 h) plus its tolerance: two days back is ample.
    for (const a of await store.listAlerts({ state: 'all', kind, from: nowMs - 2 * DAY_MS })) {
      const water = kind === 'forecast-water-level'
      const direction = water ? 'rise' : 'fall'
      const releaseAt = water
        ? a.threshold - waterReleaseMarginM(rules, a.subject.id)
        : releaseAboveKph(segments.get(a.subject.id))
      if (a.active && a.forecastFor !== undefined && !open.has(a.key)) {
        open.set(a.key, {
          claim: { direction, threshold: a.threshold, raisedAt: a.raisedAt, forecastFor: a.forecastFor },
          toleranceMs: water ? DEFAULT_TOLERANCE_MS : CONGESTION_TOLERANCE_MS,
          releaseAt,
          event: eventOf(a),
        })
      } else if (
        a.outcome === 'verified' &&
        (a.clearedAt ?? 0) >= nowMs - DAY_MS &&
        !open.has(a.key) &&
        !spent.has(a.key)
      ) {
        spent.set(a.key, { direction, releaseAt })
      }
    }
  }
  return { open, spent }

  function releaseAboveKph(segment: RoadSegment | undefined): number {
    return segment ? congestionLevelsKph(rules, segment).releaseAboveKph : 0
  }
}

function eventOf(a: Alert): AlertEvent {
  return {
    type: 'raised',
    key: a.key,
    kind: a.kind,
    subject: a.subject,
    severity: a.severity,
    value: a.value,
    threshold: a.threshold,
    unit: a.unit,
    at: a.updatedAt,
    message: a.message,
    ...(a.forecastFor !== undefined && { forecastFor: a.forecastFor }),
    ...(a.leadMin !== undefined && { leadMin: a.leadMin }),
  }
}
