import { z } from 'zod'
import { SegmentId, StationId } from './network'

/** ISO 8601 with an explicit offset (`Z` or `+07:00`): a reading without a zone is ambiguous. */
export const Timestamp = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 time with offset' })

export const ObservationSource = z.string().min(1).max(100)

export const TrafficObservation = z.object({
  type: z.literal('traffic'),
  segmentId: SegmentId,
  observedAt: Timestamp,
  speedKph: z.number().min(0, 'speed cannot be negative').max(200, 'speed over 200 km/h'),
  flowVph: z.number().min(0).optional(),
  occupancyPct: z.number().min(0).max(100).optional(),
  source: ObservationSource,
})
export type TrafficObservation = z.infer<typeof TrafficObservation>

export const WaterObservation = z.object({
  type: z.literal('water'),
  stationId: StationId,
  observedAt: Timestamp,
  /** Metres on the national datum for gauges, centimetres of street depth for flood sensors. */
  value: z.number(),
  source: ObservationSource,
})
export type WaterObservation = z.infer<typeof WaterObservation>

export const Observation = z.discriminatedUnion('type', [TrafficObservation, WaterObservation])
export type Observation = z.infer<typeof Observation>

export function subjectIdOf(o: Observation): string {
  return o.type === 'traffic' ? o.segmentId : o.stationId
}

/**
 * `Date.parse` that remembers its last answer, for a pass over a batch: feeds stamp a whole batch (or
 * long runs of it) with one time, so most readings of a batch cost a string comparison.
 */
export function createTimeReader(): (iso: string) => number {
  let lastIso = ''
  let lastMs = Number.NaN
  return (iso) => {
    if (iso !== lastIso) {
      lastIso = iso
      lastMs = Date.parse(iso)
    }
    return lastMs
  }
}
