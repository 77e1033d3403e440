import {
  type FloodPoint,
  localMinuteOfDay,
  type Network,
  type RoadClass,
  type RoadSegment,
  type WaterStation,
} from '@ioc/domain'
import type { MeasuredSpeed, TideReports } from '@ioc/fixtures'
import { createTideBases, type ReportedLevel, type TideBases } from '@ioc/forecast'
import { reportedLevels } from './tide/reported-levels'
import { extendToFullDay, type Knot, sampleDay, weekendDay } from './traffic/daily-profile'
import { fitSegmentSpeeds } from './traffic/fit-segment-speeds'
import { findNeighbours } from './traffic/incidents'
import { createGaugeLevels, type FittedTides } from './water/gauge-levels'
import { WORLD_TIDES } from './water/world-tides'

/** Everything a scenario runs on: the network with its fitted speed profiles and tide models. */
export interface World {
  /** The fixtures' network version, for cache keys. */
  version: string
  /** Sorted by id; every per-segment array below is indexed like this one. */
  segments: RoadSegment[]
  weekdayKph: Float32Array[]
  weekendKph: Float32Array[]
  neighbours: number[][]
  /** Gauges then street sensors, each sorted by id. */
  stations: WaterStation[]
  floodPoints: Map<string, FloodPoint>
  gaugeLevelM: Record<string, (atMs: number) => number>
  /** The estuary tide models of the two tide gauges, frozen (see water/world-tides.ts). */
  tides: FittedTides
  tideBases: TideBases
  /** The reported levels the tides were fitted to; a reconstruction's surge is estimated from them. */
  reportedLevels: ReportedLevel[]
  /** OSM segments whose profile comes from their own measurements (good crosswalk matches only). */
  measuredSegmentIds: Set<string>
}

export interface WorldInputs {
  network: Network
  measuredSpeeds: readonly MeasuredSpeed[]
  tideReports: TideReports
}

// A class needs this many measured segments for its own shape; fewer fall back to all classes pooled.
const MIN_SEGMENTS_PER_CLASS = 5

export function buildWorld({ network, measuredSpeeds, tideReports }: WorldInputs): World {
  const segments = [...network.segments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const byId = new Map(segments.map((s) => [s.id, s]))
  const measured = fitMeasuredKnots(measuredSpeeds, (id) => byId.get(id)?.lengthM ?? 0)
  const classKnots = fitClassRatios(measured, byId)
  const weekdayKph = segments.map((s) => {
    const own = measured.get(s.id)
    const ratios = classKnots.get(s.roadClass) ?? (classKnots.get('pooled') as Knot[])
    const knots = own ?? ratios.map((k) => ({ minute: k.minute, value: k.value * s.freeFlowKph }))
    return sampleDay(extendToFullDay(knots))
  })
  const tideBases = createTideBases()
  const levels = reportedLevels(tideReports)
  const tides = WORLD_TIDES
  const kindOrder = (s: WaterStation) => (s.kind === 'street-flood-sensor' ? 1 : 0)
  return {
    version: network.version,
    segments,
    weekdayKph,
    weekendKph: weekdayKph.map(weekendDay),
    neighbours: findNeighbours(segments.map(endNodes)),
    stations: [...network.stations].sort((a, b) => kindOrder(a) - kindOrder(b) || (a.id < b.id ? -1 : 1)),
    floodPoints: new Map(network.floodPoints.map((f) => [f.id, f])),
    gaugeLevelM: createGaugeLevels(tideBases, tides),
    tides,
    tideBases,
    reportedLevels: levels,
    measuredSegmentIds: new Set(measured.keys()),
  }
}

function endNodes(s: RoadSegment): [string, string] {
  const c = s.geometry.coordinates
  const key = (p: readonly number[] | undefined) => `${p?.[0]},${p?.[1]}`
  return [key(c[0]), key(c.at(-1))]
}

/**
 * Per OSM segment, its fitted speed at each measured time of day. Runs are grouped to the nearest
 * 5 minutes (two runs started 17 s apart at 03:24), and only `good` crosswalk matches are used: a
 * `check` path is not the route Google measured.
 */
function fitMeasuredKnots(
  rows: readonly MeasuredSpeed[],
  lengthM: (id: string) => number,
): Map<string, Knot[]> {
  const groups = new Map<number, MeasuredSpeed[]>()
  for (const r of rows) {
    if (r.matchQuality !== 'good') continue
    const minute = Math.round(localMinuteOfDay(Date.parse(r.observedAt)) / 5) * 5
    const g = groups.get(minute)
    if (g) g.push(r)
    else groups.set(minute, [r])
  }
  const knots = new Map<string, Knot[]>()
  for (const [minute, group] of [...groups].sort((a, b) => a[0] - b[0])) {
    const speeds = fitSegmentSpeeds(
      group.map((r) => ({ segmentIds: r.osmSegmentIds, speedKph: r.speedKph })),
      lengthM,
    )
    for (const [id, value] of speeds) {
      const list = knots.get(id)
      if (list) list.push({ minute, value })
      else knots.set(id, [{ minute, value }])
    }
  }
  return knots
}

/** Median speed / free-flow speed per road class at each measured time, plus a `pooled` entry. */
function fitClassRatios(
  measured: Map<string, Knot[]>,
  byId: Map<string, RoadSegment>,
): Map<RoadClass | 'pooled', Knot[]> {
  const samples = new Map<RoadClass | 'pooled', Map<number, number[]>>()
  const counts = new Map<RoadClass | 'pooled', number>()
  for (const [id, knots] of measured) {
    const s = byId.get(id)
    if (!s) continue
    for (const cls of [s.roadClass, 'pooled'] as const) {
      counts.set(cls, (counts.get(cls) ?? 0) + 1)
      const byMinute = samples.get(cls) ?? new Map<number, number[]>()
      samples.set(cls, byMinute)
      for (const k of knots) {
        const list = byMinute.get(k.minute) ?? []
        list.push(k.value / s.freeFlowKph)
        byMinute.set(k.minute, list)
      }
    }
  }
  const out = new Map<RoadClass | 'pooled', Knot[]>()
  for (const [cls, byMinute] of samples) {
    if (cls !== 'pooled' && (counts.get(cls) ?? 0) < MIN_SEGMENTS_PER_CLASS) continue
    out.set(
      cls,
      [...byMinute]
        .sort((a, b) => a[0] - b[0])
        .map(([minute, values]) => ({ minute, value: median(values) })),
    )
  }
  return out
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
