import { formatLocalIso, type Network, type TrafficObservation, type WaterObservation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'

/** 2025-11-05 00:00 in Ho Chi Minh City, the start of every hand-made sequence. */
export const T0_MS = Date.UTC(2025, 10, 4, 17)
export const MINUTE_MS = 60_000

/** Epoch ms `minute` minutes after T0. */
export function atMinute(minute: number): number {
  return T0_MS + minute * MINUTE_MS
}

/** ISO time in Vietnam's offset, as feeds send it: "2025-11-05T00:10:00+07:00". */
export function isoVietnam(ms: number): string {
  return formatLocalIso(ms)
}

export function water(stationId: string, minute: number, value: number): WaterObservation {
  return { type: 'water', stationId, observedAt: isoVietnam(atMinute(minute)), value, source: 'test' }
}

export function traffic(segmentId: string, minute: number, speedKph: number): TrafficObservation {
  return { type: 'traffic', segmentId, observedAt: isoVietnam(atMinute(minute)), speedKph, source: 'test' }
}

/** Real subjects from the fixtures used by the hand-made sequences. */
export const PHU_AN = 'phu-an' // báo động 1.40 / 1.50 / 1.60 m
export const BIEN_HOA = 'bien-hoa' // báo động I 1.80 m only
export const UNG_VAN_KHIEM = 'fs-002' // street flood sensor, 10 / 30 / 50 cm
export const NGUYEN_HUU_CANH = 'seg-1278052498-2028465833' // primary, Bình Thạnh, free flow 35 km/h

/** The fixtures network cut down to the subjects above, so property tests build engines quickly. */
export function smallNetwork(): Network {
  const full = loadNetwork()
  const stations = new Set([PHU_AN, BIEN_HOA, UNG_VAN_KHIEM])
  return {
    ...full,
    stations: full.stations.filter((s) => stations.has(s.id)),
    segments: full.segments.filter((s) => s.id === NGUYEN_HUU_CANH),
    floodPoints: [],
  }
}
