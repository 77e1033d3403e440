import { localMinuteOfDay, type RoadSegment } from '@ioc/domain'
import type { MeasuredSpeed } from '@ioc/fixtures'
import type { PathRun, SegmentInfo } from './calibrate-speeds'

/**
 * The 2025-10-30 measurements as calibration runs: `good` crosswalk matches only (a `check` path is not
 * the route Google measured), runs grouped to the nearest 5 minutes (two started 17 s apart at 03:24).
 */
export function measuredRuns(rows: readonly MeasuredSpeed[]): PathRun[] {
  return rows
    .filter((r) => r.matchQuality === 'good')
    .map((r) => ({
      routeId: r.measuredSegmentId,
      minute: Math.round(localMinuteOfDay(Date.parse(r.observedAt)) / 5) * 5,
      segmentIds: r.osmSegmentIds,
      speedKph: r.speedKph,
    }))
}

export function segmentInfo(segments: readonly RoadSegment[]): (id: string) => SegmentInfo {
  const byId = new Map(segments.map((s) => [s.id, s]))
  return (id) => {
    const s = byId.get(id)
    if (!s) throw new Error(`measured path names segment ${id}, not in the network`)
    return { lengthM: s.lengthM, freeFlowKph: s.freeFlowKph, roadClass: s.roadClass, district: s.district }
  }
}
