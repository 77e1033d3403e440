import type { RoadClass } from '@ioc/domain'
import { Matrix, solve } from 'ml-matrix'
import { interpolateKnots } from '../water/offset-knots'
import { fitSegmentSpeeds, pathSpeedKph } from './fit-segment-speeds'

/** One measured run of one route: its OSM path, the local minute of day (5-min groups) and its speed. */
export interface PathRun {
  routeId: string
  minute: number
  segmentIds: readonly string[]
  speedKph: number
}

export interface SegmentInfo {
  lengthM: number
  freeFlowKph: number
  roadClass: RoadClass
  district: string
}

/** A calibration: the travel speed it gives a path at a minute of the day. */
export type PathSpeedModel = (segmentIds: readonly string[], minute: number) => number

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
  return (segmentIds, minute) => pathKph(segmentIds, info, (id) => segmentKph(id, minute))
}

export interface PooledOptions {
  /** Prior spread (log speed) of a class's own deviation at a time from the city's (default 0.15). */
  classSd?: number
  /** Prior spread of a district's factor (default 0.1). */
  districtSd?: number
  /** Prior spread of a segment's own factor, the same at every time (default 0.2). */
  segmentSd?: number
  /** Spread of a path's log speed about the model (default 0.1): weighs the data against the priors. */
  noiseSd?: number
}

/**
 * A calibration that generalises: log speed = log free flow + the city's time-of-day effect + its road
 * class's deviation at that time + its district's factor + the segment's own factor, all but the city's
 * effect shrunk toward zero (ridge priors). Fitted to the log of each path's speed as the length-weighted
 * mean of its segments' log speeds; a time not measured takes the effects interpolated between the
 * times that were, a segment not measured its class and district alone.
 */
export function fitPooledSpeeds(
  runs: readonly PathRun[],
  info: (id: string) => SegmentInfo,
  options: PooledOptions = {},
): PathSpeedModel & { segmentKph: (segmentId: string, minute: number) => number } {
  const times = [...new Set(runs.map((r) => r.minute))].sort((a, b) => a - b)
  const index = new Map<string, number>()
  const prior: number[] = []
  const param = (key: string, precision: number) => {
    let i = index.get(key)
    if (i === undefined) {
      i = index.size
      index.set(key, i)
      prior.push(precision)
    }
    return i
  }
  const noise = options.noiseSd ?? 0.1
  const pc = 1 / (options.classSd ?? 0.15) ** 2
  const pd = 1 / (options.districtSd ?? 0.1) ** 2
  const ps = 1 / (options.segmentSd ?? 0.2) ** 2
  const rows = runs.map((r) => {
    const total = r.segmentIds.reduce((s, id) => s + info(id).lengthM, 0)
    const cols = new Map<number, number>()
    let base = 0
    for (const id of r.segmentIds) {
      const s = info(id)
      const w = s.lengthM / total
      base += w * Math.log(s.freeFlowKph)
      for (const [key, precision] of [
        [`t ${r.minute}`, 1e-6],
        [`c ${s.roadClass} ${r.minute}`, pc],
        [`d ${s.district}`, pd],
        [`s ${id}`, ps],
      ] as const) {
        const i = param(key, precision)
        cols.set(i, (cols.get(i) ?? 0) + w)
      }
    }
    return { cols, y: Math.log(r.speedKph) - base }
  })
  const n = index.size
  const ata = Matrix.zeros(n, n)
  const aty = Matrix.zeros(n, 1)
  for (const { cols, y } of rows) {
    for (const [i, a] of cols) {
      aty.set(i, 0, aty.get(i, 0) + (a * y) / noise ** 2)
      for (const [j, b] of cols) ata.set(i, j, ata.get(i, j) + (a * b) / noise ** 2)
    }
  }
  for (let i = 0; i < n; i++) ata.set(i, i, ata.get(i, i) + (prior[i] as number))
  const beta = solve(ata, aty).getColumn(0)
  const coef = (key: string) => {
    const i = index.get(key)
    return i === undefined ? 0 : (beta[i] as number)
  }
  // A minute between measured times: each time effect linear between its neighbours.
  const timeEffect = (key: (t: number) => string, minute: number) =>
    interpolate(
      times.filter((t) => index.has(key(t))).map((t) => ({ minute: t, value: coef(key(t)) })),
      minute,
    )
  const segmentKph = (id: string, minute: number) => {
    const s = info(id)
    const log =
      Math.log(s.freeFlowKph) +
      timeEffect((t) => `t ${t}`, minute) +
      timeEffect((t) => `c ${s.roadClass} ${t}`, minute) +
      coef(`d ${s.district}`) +
      coef(`s ${id}`)
    return Math.exp(log)
  }
  return Object.assign(
    (segmentIds: readonly string[], minute: number) =>
      pathKph(segmentIds, info, (id) => segmentKph(id, minute)),
    { segmentKph },
  )
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
    test.map((r) => Math.abs(model(r.segmentIds, r.minute) / r.speedKph - 1))
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
