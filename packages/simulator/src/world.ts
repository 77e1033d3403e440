import type { FloodPoint, Network, RoadSegment, WaterStation } from '@ioc/domain'
import type { MeasuredSpeed, TideReports } from '@ioc/fixtures'
import { createTideBases, type ReportedLevel, type TideBases } from '@ioc/forecast'
import { reportedLevels } from './tide/reported-levels'
import { calibratedWeekday } from './traffic/calibrated-day'
import { weekendDay } from './traffic/daily-profile'
import {
  fitSmoothSpeeds,
  MEASURED_DYNAMIC_NOISE_SD,
  MEASURED_ROUTE_MEMORY,
} from './traffic/fit-smooth-speeds'
import { findNeighbours } from './traffic/incidents'
import { measuredRuns, segmentInfo } from './traffic/measured-runs'
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

export function buildWorld({ network, measuredSpeeds, tideReports }: WorldInputs): World {
  const segments = [...network.segments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  // The calibration that generalises (fit-smooth-speeds.ts), sampled every 5 minutes over the measured
  // hours; a segment no route measured takes its free flow, class, district and street priors.
  const runs = measuredRuns(measuredSpeeds, segments)
  const calibration = fitSmoothSpeeds(runs, segmentInfo(segments), {
    dynamicNoiseSd: MEASURED_DYNAMIC_NOISE_SD,
    routeMemory: MEASURED_ROUTE_MEMORY,
  })
  const weekdayKph = segments.map((s) => calibratedWeekday(calibration, s.id))
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
    measuredSegmentIds: new Set(runs.flatMap((r) => r.segmentIds)),
  }
}

function endNodes(s: RoadSegment): [string, string] {
  const c = s.geometry.coordinates
  const key = (p: readonly number[] | undefined) => `${p?.[0]},${p?.[1]}`
  return [key(c[0]), key(c.at(-1))]
}
