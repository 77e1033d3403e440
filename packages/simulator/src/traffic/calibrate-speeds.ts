import type { RoadClass } from '@ioc/domain'
import { interpolateKnots } from '../water/offset-knots'
import { fitSegmentSpeeds, pathSpeedKph } from './fit-segment-speeds'
import type { SegmentPath } from './path-keys'

/**
 * One measured run of one route: its OSM path (segments in travel order, which of them it runs against
 * their drawing), the local minute of day (5-min groups) and its speed.
 */
export interface PathRun extends SegmentPath {
  routeId: string
  minute: number
  speedKph: number
}

export interface SegmentInfo {
  lengthM: number
  freeFlowKph: number
  roadClass: RoadClass
  district: string
  /** Street name; empty when OSM has none. */
  name: string
  oneway: boolean
}

/** A path, and the measured route it is if it is one. */
export interface MeasuredPath extends SegmentPath {
  routeId?: string
}

/** A calibration: the travel speed it gives a path (a measured route's own) at a minute of the day. */
export type PathSpeedModel = (path: MeasuredPath, minute: number) => number

/**
 * Today's calibration: per measured time, the SIRT fit of that time's runs (fit-segment-speeds.ts); a
 * segment's speed between its times is linear in time, and a segment never measured takes the median
 * speed / free-flow of its class at that time.
 */
export function fitPerTimeSpeeds(
  runs: readonly PathRun[],
  info: (id: string) => SegmentInfo,
  unmeasured?: (segmentId: string, minute: number) => number,
): PathSpeedModel {
  const times = [...new Set(runs.map((r) => r.minute))].sort((a, b) => a - b)
  const own = new Map<string, { minute: number; kph: number }[]>()
  const byClass = new Map<string, number[]>()
  for (const minute of times) {
    const fitted = fitSegmentSpeeds(
      runs.filter((r) => r.minute === minute),
      (id) => info(id).lengthM,
    )
    for (const [id, kph] of fitted) {
      const list = own.get(id) ?? []
      own.set(id, list)
      list.push({ minute, kph })
      const key = `${info(id).roadClass} ${minute}`
      const ratios = byClass.get(key) ?? []
      byClass.set(key, ratios)
      ratios.push(kph / info(id).freeFlowKph)
    }
  }
  const classRatio = (cls: string, minute: number) =>
    interpolate(
      times.flatMap((t) => {
        const r = byClass.get(`${cls} ${t}`)
        return r ? [{ minute: t, value: median(r) }] : []
      }),
      minute,
    )
  const segmentKph = (id: string, minute: number) => {
    const knots = own.get(id)
    if (knots)
      return interpolate(
        knots.map((k) => ({ minute: k.minute, value: k.kph })),
        minute,
      )
    if (unmeasured) return unmeasured(id, minute)
    const s = info(id)
    return s.freeFlowKph * (classRatio(s.roadClass, minute) || 1)
  }
  return (path, minute) => pathKph(path.segmentIds, info, (id) => segmentKph(id, minute))
}

export interface CalibrationErrors {
  /** Median |predicted − measured| / measured over the held-out runs. */
  median: number
  /** Share of held-out runs off by more than 15 %. */
  over15: number
  n: number
}

/**
 * How a calibration predicts what it was not fitted to: each measured time left out in turn (the other
 * times fitted), and the routes left out in `routeFolds` groups (every `routeFolds`-th route by id).
 */
export function crossValidateSpeeds(
  runs: readonly PathRun[],
  fit: (runs: readonly PathRun[]) => PathSpeedModel,
  routeFolds = 10,
): { inFit: CalibrationErrors; leaveOneTimeOut: CalibrationErrors; leaveRoutesOut: CalibrationErrors } {
  const errorsOf = (model: PathSpeedModel, test: readonly PathRun[]) =>
    test.map((r) => Math.abs(model(r, r.minute) / r.speedKph - 1))
  const times = [...new Set(runs.map((r) => r.minute))].sort((a, b) => a - b)
  // The first and last times have no neighbour on one side: only inner times are left out.
  const timeErrors = times.slice(1, -1).flatMap((t) =>
    errorsOf(
      fit(runs.filter((r) => r.minute !== t)),
      runs.filter((r) => r.minute === t),
    ),
  )
  const routes = [...new Set(runs.map((r) => r.routeId))].sort()
  const routeErrors = Array.from({ length: routeFolds }, (_, k) => {
    const out = new Set(routes.filter((_, i) => i % routeFolds === k))
    return errorsOf(
      fit(runs.filter((r) => !out.has(r.routeId))),
      runs.filter((r) => out.has(r.routeId)),
    )
  }).flat()
  return {
    inFit: summary(errorsOf(fit(runs), runs)),
    leaveOneTimeOut: summary(timeErrors),
    leaveRoutesOut: summary(routeErrors),
  }
}

function summary(errors: readonly number[]): CalibrationErrors {
  const r = (x: number) => Math.round(x * 1000) / 1000
  return {
    median: r(median(errors)),
    over15: r(errors.filter((e) => e > 0.15).length / errors.length),
    n: errors.length,
  }
}

function pathKph(
  segmentIds: readonly string[],
  info: (id: string) => SegmentInfo,
  kph: (id: string) => number,
): number {
  return pathSpeedKph(segmentIds, (id) => info(id).lengthM, kph)
}

function interpolate(knots: readonly { minute: number; value: number }[], minute: number): number {
  return interpolateKnots(
    knots.map((k) => ({ atMs: k.minute, value: k.value })),
    minute,
  )
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
