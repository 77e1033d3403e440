import { localMinuteOfDay, type RoadSegment } from '@ioc/domain'
import type { MeasuredSpeed } from '@ioc/fixtures'
import type { PathRun, SegmentInfo } from './calibrate-speeds'
import { againstDrawing } from './path-keys'

/**
 * The 2025-10-30 measurements as calibration runs: `good` crosswalk matches only (a `check` path is not
 * the route Google measured), runs grouped to the nearest 5 minutes (two started 17 s apart at 03:24),
 * each segment's direction of travel from the path and the route's start (`node-<lat>-<lon>-node-…`).
 */
export function measuredRuns(rows: readonly MeasuredSpeed[], segments: readonly RoadSegment[]): PathRun[] {
  const byId = new Map(segments.map((s) => [s.id, s]))
  const endsLonLat = (id: string) => {
    const c = byId.get(id)?.geometry.coordinates
    if (!c) throw new Error(`measured path names segment ${id}, not in the network`)
    return [c[0] ?? [], c.at(-1) ?? []] as const
  }
  return rows
    .filter((r) => r.matchQuality === 'good')
    .map((r) => {
      const [, lat, lon] = r.measuredSegmentId.split('-')
      return {
        routeId: r.measuredSegmentId,
        minute: Math.round(localMinuteOfDay(Date.parse(r.observedAt)) / 5) * 5,
        segmentIds: r.osmSegmentIds,
        against: againstDrawing(r.osmSegmentIds, [Number(lon), Number(lat)], endsLonLat),
        speedKph: r.speedKph,
      }
    })
}

export function segmentInfo(segments: readonly RoadSegment[]): (id: string) => SegmentInfo {
  const byId = new Map(segments.map((s) => [s.id, s]))
  return (id) => {
    const s = byId.get(id)
    if (!s) throw new Error(`measured path names segment ${id}, not in the network`)
    return {
      lengthM: s.lengthM,
      freeFlowKph: s.freeFlowKph,
      roadClass: s.roadClass,
      district: s.district,
      name: s.name,
      oneway: s.oneway,
    }
  }
}
