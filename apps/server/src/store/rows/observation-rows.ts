import type { HistoryPoint, Observation } from '@ioc/domain'

export interface TrafficRow {
  subject: string
  observed_at: number
  source: string
  speed_kph: number
  flow_vph: number | null
  occupancy_pct: number | null
}
export interface WaterRow {
  subject: string
  observed_at: number
  source: string
  value: number
}

export function trafficFromRow(r: TrafficRow): Observation {
  return {
    type: 'traffic',
    segmentId: r.subject,
    observedAt: new Date(r.observed_at).toISOString(),
    speedKph: r.speed_kph,
    ...(r.flow_vph === null ? {} : { flowVph: r.flow_vph }),
    ...(r.occupancy_pct === null ? {} : { occupancyPct: r.occupancy_pct }),
    source: r.source,
  }
}

export function waterFromRow(r: WaterRow): Observation {
  return {
    type: 'water',
    stationId: r.subject,
    observedAt: new Date(r.observed_at).toISOString(),
    value: r.value,
    source: r.source,
  }
}

/** The table and value column of each kind of observation. */
export const TABLE = { traffic: 'traffic', water: 'water' } as const
export const VALUE = { traffic: 'speed_kph', water: 'value' } as const

/** History points of single readings (`SELECT observed_at, <value> AS v`). */
export const readingPoints = (rows: readonly { observed_at: number; v: number }[]): HistoryPoint[] =>
  rows.map((r) => ({ observedAt: r.observed_at, value: r.v, min: r.v, max: r.v, count: 1 }))

/** A bucket of readings as the history query aggregates it: bucket number, mean, min, max and count. */
export interface BucketRow {
  b: number
  mean: number
  lo: number
  hi: number
  n: number
}

/** History points of time buckets `bucketMs` wide counted from `fromMs`. */
export const bucketPoints = (rows: readonly BucketRow[], fromMs: number, bucketMs: number): HistoryPoint[] =>
  rows.map((r) => ({ observedAt: fromMs + r.b * bucketMs, value: r.mean, min: r.lo, max: r.hi, count: r.n }))
