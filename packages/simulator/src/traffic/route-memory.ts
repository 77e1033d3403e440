import { CholeskyDecomposition, Matrix } from 'ml-matrix'
import { createPchip } from './pchip'

/** One measured run of a route, as the memory sees it. */
export interface RouteRun {
  routeId: string
  minute: number
  speedKph: number
}

export interface RouteMemoryOptions {
  /** Time scale (minutes) over which a route's departure from the city forgets itself. */
  tauMin: number
  /** Spread of one run about its route's course, relative to the course's own spread. */
  noiseRatio: number
  /** Spread of a route's gain on the depth of the city's profile (how much harder it slows in the rush). */
  rushSd: number
}

/** A route's log speed at a minute of the day from its other measured minutes; undefined if never measured. */
export type RouteMemory = (routeId: string, minute: number) => number | undefined

/** Spread of a route's level about the city's (log speed, relative to the course's spread): wide. */
const LEVEL_SD = 1

/**
 * A measured route at a minute it was not measured at: the city's profile there (the mean log speed of
 * the runs at each measured minute, a shape-preserving cubic between them) plus the route's own departure
 * from it, kriged from the route's measured minutes. The departure is the route's level, plus a gain on
 * the depth of the city's profile (a route that slows harder in the rush), plus an Ornstein–Uhlenbeck
 * course in time (correlation exp(−|Δt| / τ)), plus run noise. Near a measured minute it is that minute's
 * departure (less noise); in a long gap it falls back to the route's level and gain. Segments play no part:
 * a route's own runs predict its other times better than the segments it shares with routes that disagree
 * (docs/traffic-calibration.md).
 */
export function createRouteMemory(runs: readonly RouteRun[], o: RouteMemoryOptions): RouteMemory {
  const city = cityProfile(runs)
  const cityMean = mean(runs.map((r) => city(r.minute)))
  const point = (minute: number) => ({ minute, depth: city(minute) - cityMean })
  const byRoute = new Map<string, { at: Point[]; weights: number[] }>()
  // Routes measured at the same minutes share their covariance: one factorisation serves them all.
  const bySchedule = groupBy([...groupBy(runs, (r) => r.routeId)], ([, rs]) =>
    rs.map((r) => r.minute).join(' '),
  )
  for (const routes of bySchedule.values()) {
    const at = (routes[0] as [string, RouteRun[]])[1].map((r) => point(r.minute))
    const k = at.map((a, i) => at.map((b, j) => covariance(a, b, o) + (i === j ? o.noiseRatio ** 2 : 0)))
    const cholesky = new CholeskyDecomposition(new Matrix(k))
    if (!cholesky.isPositiveDefinite()) throw new Error('route memory: a covariance is not positive definite')
    const departures = new Matrix(
      at.map((p, i) => routes.map(([, rs]) => Math.log((rs[i] as RouteRun).speedKph) - city(p.minute))),
    )
    const weights = cholesky.solve(departures)
    routes.forEach(([routeId], j) => {
      byRoute.set(routeId, { at, weights: weights.getColumn(j) })
    })
  }
  return (routeId, minute) => {
    const route = byRoute.get(routeId)
    if (!route) return undefined
    const here = point(minute)
    return (
      city(minute) +
      route.at.reduce((s, p, i) => s + covariance(p, here, o) * (route.weights[i] as number), 0)
    )
  }
}

/**
 * The memory's options chosen by leaving each inner measured minute of the runs given out in turn (its
 * city profile and every route's course rebuilt from the other minutes): the smallest median relative
 * error. Nothing outside the runs given is seen.
 */
export function chooseRouteMemory(
  runs: readonly RouteRun[],
  candidates: readonly RouteMemoryOptions[],
): RouteMemoryOptions {
  const minutes = [...new Set(runs.map((r) => r.minute))].sort((a, b) => a - b)
  let best = { options: candidates[0] as RouteMemoryOptions, error: Number.POSITIVE_INFINITY }
  for (const options of candidates) {
    const errors = minutes.slice(1, -1).flatMap((t) => {
      const memory = createRouteMemory(
        runs.filter((r) => r.minute !== t),
        options,
      )
      return runs
        .filter((r) => r.minute === t)
        .flatMap((r) => {
          const log = memory(r.routeId, t)
          return log === undefined ? [] : [Math.abs(Math.exp(log) / r.speedKph - 1)]
        })
    })
    const error = median(errors)
    if (error < best.error) best = { options, error }
  }
  return best.options
}

interface Point {
  minute: number
  /** The city's profile there less its mean over the runs. */
  depth: number
}

function covariance(a: Point, b: Point, o: RouteMemoryOptions): number {
  return (
    LEVEL_SD ** 2 + o.rushSd ** 2 * (a.depth * b.depth) + Math.exp(-Math.abs(a.minute - b.minute) / o.tauMin)
  )
}

function cityProfile(runs: readonly RouteRun[]): (minute: number) => number {
  const byMinute = groupBy(runs, (r) => r.minute)
  const minutes = [...byMinute.keys()].sort((a, b) => a - b)
  return createPchip(
    minutes,
    minutes.map((m) => mean((byMinute.get(m) as RouteRun[]).map((r) => Math.log(r.speedKph)))),
  )
}

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const x of xs) {
    const k = key(x)
    const list = groups.get(k)
    if (list) list.push(x)
    else groups.set(k, [x])
  }
  return groups
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
