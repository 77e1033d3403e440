import type { FloodSensorStation, Network } from '@ioc/domain'
import { historyAsOf, type SeriesHistory } from '../history/series-history'

const MINUTE_MS = 60_000

export interface StreetFloodOptions {
  /** A sensor silent this long is ignored, minutes (default 15). */
  maxAgeMin?: number
  /** A rising street is extrapolated along its last-30-min trend for at most this long, minutes (default 30). */
  riseHorizonMin?: number
  /** A falling street drains with this e-folding time, minutes (default 120: HCMC streets drain in 1.5–3 h). */
  drainTauMin?: number
}

/**
 * A street's depth `leadMin` ahead, cm, from its sensor's recent readings: rising water keeps rising
 * along its last-30-min trend for up to `riseHorizonMin` (the storm feeding it is usually still on),
 * falling water drains exponentially.
 */
export function forecastStreetDepthCm(
  readings: readonly { atMs: number; value: number }[],
  leadMin: number,
  options: StreetFloodOptions = {},
): number {
  const last = readings.at(-1)
  if (!last) return 0
  const first = readings.find((r) => r.atMs >= last.atMs - 30 * MINUTE_MS) ?? last
  const spanMin = (last.atMs - first.atMs) / MINUTE_MS
  const slopeCmPerMin = spanMin > 0 ? (last.value - first.value) / spanMin : 0
  if (slopeCmPerMin > 0) return last.value + slopeCmPerMin * Math.min(leadMin, options.riseHorizonMin ?? 30)
  return last.value * Math.exp(-leadMin / (options.drainTauMin ?? 120))
}

/**
 * Share of its usual speed a street keeps under water, by the sensor's own depth levels (cm): passable
 * with care past the first (0.7), dangerous for motorbikes past the second (0.4), impassable past the
 * third (0.15). An assumption from what the levels mean, not a fit; the backtest measures it.
 */
export function floodSpeedShare(depthCm: number, depthLevelsCm: readonly [number, number, number]): number {
  if (depthCm >= depthLevelsCm[2]) return 0.15
  if (depthCm >= depthLevelsCm[1]) return 0.4
  if (depthCm >= depthLevelsCm[0]) return 0.7
  return 1
}

/**
 * For each segment through a flood point whose street is (or is forecast to be) under water, the
 * share of its usual speed left at each lead (lead 0 = now). Segments on dry streets are absent.
 */
export function forecastStreetFloodFactors(
  history: SeriesHistory,
  network: Pick<Network, 'stations' | 'floodPoints'>,
  forecastTimeMs: number,
  leadsMin: readonly number[],
  options: StreetFloodOptions = {},
): Map<string, number[]> {
  const past = historyAsOf(history, forecastTimeMs)
  const points = new Map(network.floodPoints.map((p) => [p.id, p]))
  const maxAgeMs = (options.maxAgeMin ?? 15) * MINUTE_MS
  const out = new Map<string, number[]>()
  for (const s of network.stations) {
    if (s.kind !== 'street-flood-sensor') continue
    const readings = past.range(s.id, forecastTimeMs - 30 * MINUTE_MS, forecastTimeMs + 1)
    const last = readings.at(-1)
    if (!last || last.atMs < forecastTimeMs - maxAgeMs) continue
    const shares = [0, ...leadsMin].map((lead) =>
      floodSpeedShare(
        forecastStreetDepthCm(readings, lead, options),
        (s as FloodSensorStation).depthLevelsCm,
      ),
    )
    if (shares.every((x) => x === 1)) continue
    for (const id of points.get(s.floodPointId)?.segmentIds ?? []) {
      const prev = out.get(id)
      out.set(id, prev ? prev.map((x, i) => Math.min(x, shares[i] as number)) : shares)
    }
  }
  return out
}
