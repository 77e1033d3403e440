import type { RoadSegment } from '@ioc/domain'
import { historyAsOf, type SeriesHistory } from '../history/series-history'
import {
  CURRENT_WINDOW_MS,
  currentAnomaly,
  profileKph,
  shrinkAnomaly,
  type TrafficModel,
} from './traffic-model'

export interface SpeedForecast {
  segmentId: string
  issuedAtMs: number
  /** The latest reading at or before the forecast time, km/h; null when the segment is silent. */
  nowKph: number | null
  leads: { leadMin: number; atMs: number; speedKph: number; usualKph: number }[]
}

/**
 * A segment's speed at each lead the model was fitted for: its usual speed then, times the flood
 * share of the street it runs through (if any), times (1 + φ(lead) × its current anomaly beyond noise). The anomaly
 * is taken against the usual speed already slowed by the flood now, so a flooded street's slowdown is
 * carried by the flood forecast, not decayed away like an incident.
 *
 * @param floodShares from forecastStreetFloodFactors: share of speed left at [now, ...leads]
 */
export function forecastSegmentSpeed(
  history: SeriesHistory,
  model: TrafficModel,
  segment: RoadSegment,
  forecastTimeMs: number,
  floodShares?: readonly number[],
): SpeedForecast {
  if (model.asOfMs > forecastTimeMs)
    throw new Error(
      `traffic model fitted at ${model.asOfMs} is newer than the forecast time ${forecastTimeMs}`,
    )
  const recent = historyAsOf(history, forecastTimeMs).range(
    segment.id,
    forecastTimeMs - CURRENT_WINDOW_MS + 1,
    forecastTimeMs + 1,
  )
  const floodNow = floodShares?.[0] ?? 1
  const anomaly = shrinkAnomaly(
    currentAnomaly(recent, (atMs) => profileKph(model, segment, atMs) * floodNow) ?? 0,
    model.noiseAnomaly,
  )
  const leads = [...model.persistence].map(([leadMin, phi], k) => {
    const atMs = forecastTimeMs + leadMin * 60_000
    const usualKph = profileKph(model, segment, atMs)
    const flood = floodShares?.[k + 1] ?? 1
    return { leadMin, atMs, speedKph: usualKph * flood * (1 + phi * anomaly), usualKph }
  })
  return { segmentId: segment.id, issuedAtMs: forecastTimeMs, nowKph: recent.at(-1)?.value ?? null, leads }
}
