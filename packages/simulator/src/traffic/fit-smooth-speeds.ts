import type { MeasuredPath, PathRun, PathSpeedModel, SegmentInfo } from './calibrate-speeds'
import { pathSpeedKph } from './fit-segment-speeds'
import { directedKeys, REVERSED, segmentOfKey } from './path-keys'
import { createPchip } from './pchip'
import {
  chooseRouteMemory,
  createRouteMemory,
  type RouteMemory,
  type RouteMemoryOptions,
} from './route-memory'
import { solveSpd } from './solve-spd'

export interface SmoothSpeedOptions {
  /** Prior spread of the slope of log speed on (centred) log free flow, beyond proportional (default 1). */
  freeFlowSlopeSd?: number
  /** Prior spread (log speed) of a district's factor (default 0.2). */
  districtSd?: number
  /** Prior spread of a street name's factor (default 0.05). */
  nameSd?: number
  /** Prior spread of a segment's own factor, the same at every time (default 0.2). */
  segmentSd?: number
  /** Prior spread of one direction of a two-way segment from its segment's factor (default 0.1). */
  directionSd?: number
  /** Prior spread of a road class's time profile from the city's (default 0.05). */
  classTimeSd?: number
  /** Spread of a path's log speed about the static part (default 0.3): weighs data against its priors. */
  staticNoiseSd?: number
  /** Prior spread of a segment's own departure at one measured time from the static part (default 0.3). */
  dynamicSd?: number
  /**
   * Spread of a path about the segments' departures at its time: the ridge penalty of the dynamic part,
   * small to follow each measured time closely, large to lean on the static part. With several values,
   * the one with the smallest median error on routes left out of the runs given (`innerFolds` groups,
   * every k-th route by id) is used, so the choice never sees what a cross-validation holds out
   * (default 0.02, 0.05, 0.1).
   */
  dynamicNoiseSd?: number | readonly number[]
  /** Route groups of the inner choice of `dynamicNoiseSd` (default 4). */
  innerFolds?: number
  /** Gauss–Newton steps from the length-weighted log mean to the travel-time mean (default 3). */
  steps?: number
  /**
   * The routes' memory between measured times (route-memory.ts); default: chosen by inner left-out
   * minutes of the runs given, among `ROUTE_MEMORY_CANDIDATES`.
   */
  routeMemory?: RouteMemoryOptions
}

/**
 * The dynamic penalty the inner choice takes on all the 2025-10-30 runs (fit-smooth-speeds.test.ts checks
 * it): the simulator's world fits with it directly rather than repeat the twelve inner fits at each load.
 */
export const MEASURED_DYNAMIC_NOISE_SD = 0.05

/**
 * Spread of a route about the segments' departures between measured times: the memory's values are
 * already smoothed, so the segments follow them closely (within ~0.2 % but where overlapping routes
 * disagree).
 */
const MEMORY_NOISE_SD = 0.01

/** The routes' memory the inner choice takes on all the 2025-10-30 runs (checked likewise). */
export const MEASURED_ROUTE_MEMORY: RouteMemoryOptions = { tauMin: 480, noiseRatio: 0.2, rushSd: 3 }

export const ROUTE_MEMORY_CANDIDATES: readonly RouteMemoryOptions[] = [240, 480, 960].flatMap((tauMin) =>
  [0.1, 0.2, 0.3].flatMap((noiseRatio) => [0, 1, 3].map((rushSd) => ({ tauMin, noiseRatio, rushSd }))),
)

export interface SmoothSpeedModel extends PathSpeedModel {
  /** A network segment's speed at a minute of the day, both directions of a two-way one pooled. */
  segmentKph: (segmentId: string, minute: number) => number
  /** The dynamic noise used (the inner choice if there were several). */
  dynamicNoiseSd: number
  /** The measured minutes it was fitted to. */
  minutes: readonly number[]
}

/**
 * The calibration that generalises. Log speed of a segment (one direction of it) at a minute of the day:
 *
 *   log free flow + b·(log free flow − mean) + district + street name + segment + direction   (static)
 *   + city(t) + class(t)                                                                       (profile)
 *   + the segment's own departure at t                                                         (dynamic)
 *
 * Every term but the city's profile is shrunk toward zero (ridge priors, `SmoothSpeedOptions`), so a
 * segment no route measured takes its free flow, district and street, and one measured by a single
 * route moves only as far as that route's evidence. A path's speed is its travel-time mean (length over
 * the sum of segment times), fitted by Gauss–Newton from the length-weighted log mean. Between measured
 * times the profile is a shape-preserving cubic (PCHIP) through its values at the other times and the
 * departures are linear: a time left out is interpolated from its neighbours, never from itself.
 * The static and profile terms are one ridge solve; the departures one dual ridge solve per time.
 */
export function fitSmoothSpeeds(
  runs: readonly PathRun[],
  info: (id: string) => SegmentInfo,
  options: SmoothSpeedOptions = {},
): SmoothSpeedModel {
  const candidates = [options.dynamicNoiseSd ?? [0.02, 0.05, 0.1]].flat()
  if (candidates.length === 1) return fitWithNoise(runs, info, options, candidates[0] as number)
  const folds = options.innerFolds ?? 4
  const routes = [...new Set(runs.map((r) => r.routeId))].sort()
  let best = { noise: candidates[0] as number, error: Number.POSITIVE_INFINITY }
  for (const noise of candidates) {
    const errors = Array.from({ length: folds }, (_, k) => {
      const out = new Set(routes.filter((_, i) => i % folds === k))
      const model = fitWithNoise(
        runs.filter((r) => !out.has(r.routeId)),
        info,
        options,
        noise,
      )
      return runs.filter((r) => out.has(r.routeId)).map((r) => Math.abs(model(r, r.minute) / r.speedKph - 1))
    }).flat()
    const error = median(errors)
    if (error < best.error) best = { noise, error }
  }
  return fitWithNoise(runs, info, options, best.noise)
}

function fitWithNoise(
  runs: readonly PathRun[],
  info: (id: string) => SegmentInfo,
  options: SmoothSpeedOptions,
  dynamicNoiseSd: number,
): SmoothSpeedModel {
  const minutes = [...new Set(runs.map((r) => r.minute))].sort((a, b) => a - b)
  const nT = minutes.length
  const timeOf = new Map(minutes.map((m, k) => [m, k]))
  const keys = new Index()
  const segments = new Index()
  const classes = new Index()
  const districts = new Index()
  const names = new Index()
  const rows = runs.map((r) => {
    const ks = directedKeys(r, (id) => info(id).oneway)
    const total = r.segmentIds.reduce((s, id) => s + info(id).lengthM, 0)
    return {
      keys: ks.map((k) => keys.of(k)),
      weights: r.segmentIds.map((id) => info(id).lengthM / total),
      t: timeOf.get(r.minute) as number,
      y: Math.log(r.speedKph),
    }
  })
  const nK = keys.size
  const keyInfo = keys.names.map((key) => {
    const segmentId = segmentOfKey(key)
    const s = info(segmentId)
    return {
      segment: segments.of(segmentId),
      reversed: key !== segmentId,
      logFf: Math.log(s.freeFlowKph),
      cls: classes.of(s.roadClass),
      district: districts.of(s.district),
      name: s.name ? names.of(s.name) : -1,
    }
  })
  const meanLogFf = keyInfo.reduce((s, k) => s + k.logFf, 0) / nK
  // Columns: city(t) | class(t) | free-flow slope | district | name | segment | reversed direction.
  const reversedKeys = new Index()
  for (const [i, k] of keyInfo.entries()) if (k.reversed) reversedKeys.of(String(i))
  const col = {
    city: 0,
    classTime: nT,
    slope: nT + classes.size * nT,
    district: nT + classes.size * nT + 1,
  }
  const nameCol = col.district + districts.size
  const segmentCol = nameCol + names.size
  const reversedCol = segmentCol + segments.size
  const nP = reversedCol + reversedKeys.size
  const sd = (v: number | undefined, d: number) => 1 / (v ?? d) ** 2
  const prior = new Float64Array(nP)
  prior.fill(1e-6, 0, nT)
  prior.fill(sd(options.classTimeSd, 0.05), col.classTime, col.slope)
  prior[col.slope] = sd(options.freeFlowSlopeSd, 1)
  prior.fill(sd(options.districtSd, 0.2), col.district, nameCol)
  prior.fill(sd(options.nameSd, 0.05), nameCol, segmentCol)
  prior.fill(sd(options.segmentSd, 0.2), segmentCol, reversedCol)
  prior.fill(sd(options.directionSd, 0.1), reversedCol, nP)
  const staticVar = (options.staticNoiseSd ?? 0.3) ** 2
  const dynamicVar = (options.dynamicSd ?? 0.3) ** 2

  // The current log speed of every key at every measured time, relative to its free flow.
  const g = new Float64Array(nK * nT)
  const stat = new Float64Array(nK)
  const profile = new Float64Array(nK * nT)
  const dyn = new Float64Array(nK * nT)
  let beta: Float64Array = new Float64Array(nP)
  const byTime = minutes.map((_, t) => rows.flatMap((r, i) => (r.t === t ? [i] : [])))
  for (let step = 0; step < (options.steps ?? 3); step++) {
    // Linearise log path speed = −log Σ w·exp(−log speed) about the current speeds: its gradient is each
    // segment's share of the path's travel time.
    const lin = rows.map((r) => {
      let total = 0
      const e = r.keys.map((k, j) => {
        const v =
          (r.weights[j] as number) * Math.exp(-(keyInfo[k]?.logFf as number) - (g[k * nT + r.t] as number))
        total += v
        return v
      })
      const shares = e.map((v) => v / total)
      const now = -Math.log(total)
      let target = r.y - now
      r.keys.forEach((k, j) => {
        target += (shares[j] as number) * (g[k * nT + r.t] as number)
      })
      return { shares, target }
    })
    const ata = new Float64Array(nP * nP)
    const aty = new Float64Array(nP)
    const design = rows.map((r, i) => {
      const cols = new Map<number, number>()
      const add = (c: number, v: number) => cols.set(c, (cols.get(c) ?? 0) + v)
      const { shares } = lin[i] as (typeof lin)[number]
      r.keys.forEach((k, j) => {
        const s = shares[j] as number
        const ki = keyInfo[k] as (typeof keyInfo)[number]
        add(col.city + r.t, s)
        add(col.classTime + ki.cls * nT + r.t, s)
        add(col.slope, s * (ki.logFf - meanLogFf))
        add(col.district + ki.district, s)
        if (ki.name >= 0) add(nameCol + ki.name, s)
        add(segmentCol + ki.segment, s)
        if (ki.reversed) add(reversedCol + reversedKeys.of(String(k)), s)
      })
      return [...cols]
    })
    design.forEach((cols, i) => {
      const y = (lin[i] as (typeof lin)[number]).target
      for (const [a, va] of cols) {
        aty[a] = (aty[a] as number) + (va * y) / staticVar
        for (const [b, vb] of cols) ata[a * nP + b] = (ata[a * nP + b] as number) + (va * vb) / staticVar
      }
    })
    for (let p = 0; p < nP; p++) ata[p * nP + p] = (ata[p * nP + p] as number) + (prior[p] as number)
    const solved = solveSpd(ata, nP, aty)
    if (!solved) throw new Error('smooth speed fit: the static system is not positive definite')
    beta = solved
    const coef = (c: number) => beta[c] as number
    keyInfo.forEach((ki, k) => {
      stat[k] =
        coef(col.slope) * (ki.logFf - meanLogFf) +
        coef(col.district + ki.district) +
        (ki.name >= 0 ? coef(nameCol + ki.name) : 0) +
        coef(segmentCol + ki.segment) +
        (ki.reversed ? coef(reversedCol + reversedKeys.of(String(k))) : 0)
      for (let t = 0; t < nT; t++)
        profile[k * nT + t] = coef(col.city + t) + coef(col.classTime + ki.cls * nT + t)
    })
    const residual = design.map((cols, i) => {
      let fitted = 0
      for (const [c, v] of cols) fitted += v * coef(c)
      return (lin[i] as (typeof lin)[number]).target - fitted
    })
    // Departures at each time: a dual ridge over that time's paths (n ≈ 100 paths, ~350 keys).
    dyn.fill(0)
    byTime.forEach((ids, t) => {
      const at = departures(
        ids.map((i) => ({
          keys: (rows[i] as (typeof rows)[number]).keys,
          shares: (lin[i] as (typeof lin)[number]).shares,
        })),
        ids.map((i) => residual[i] as number),
        nK,
        dynamicVar,
        dynamicNoiseSd,
      )
      for (let k = 0; k < nK; k++) dyn[k * nT + t] = at[k] as number
    })
    for (let i = 0; i < nK * nT; i++)
      g[i] = (stat[Math.floor(i / nT)] as number) + (profile[i] as number) + (dyn[i] as number)
  }

  const profileCurves = new Map<number, (minute: number) => number>()
  const profileAt = (cls: number, minute: number) => {
    let curve = profileCurves.get(cls)
    if (!curve) {
      const coef = (c: number) => beta[c] as number
      const city = createPchip(
        minutes,
        minutes.map((_, t) => coef(col.city + t)),
      )
      const own =
        cls < 0
          ? () => 0
          : createPchip(
              minutes,
              minutes.map((_, t) => coef(col.classTime + cls * nT + t)),
            )
      curve = (minute: number) => city(minute) + own(minute)
      profileCurves.set(cls, curve)
    }
    return curve(minute)
  }
  // Between measured times, the departures that carry each measured route to where its memory puts it.
  const routes = [
    ...new Map(
      runs.map((r, i) => [
        r.routeId,
        {
          routeId: r.routeId,
          keys: (rows[i] as (typeof rows)[number]).keys,
          weights: (rows[i] as (typeof rows)[number]).weights,
        },
      ]),
    ).values(),
  ]
  let memory: RouteMemory | undefined
  const remembered = () => {
    memory ??= createRouteMemory(
      runs,
      options.routeMemory ?? chooseRouteMemory(runs, ROUTE_MEMORY_CANDIDATES),
    )
    return memory
  }
  const between = new Map<number, Float64Array>()
  const departuresBetween = (minute: number) => {
    let at = between.get(minute)
    if (at) return at
    const memoryOf = remembered()
    // Gauss–Newton as in the fit: each step relinearises the routes' travel-time means about the speeds.
    at = new Float64Array(nK)
    for (let step = 0; step < (options.steps ?? 3); step++) {
      const now = at
      const paths = routes.map((route) => {
        const times = route.keys.map((k, j) => {
          const ki = keyInfo[k] as (typeof keyInfo)[number]
          const log = ki.logFf + (stat[k] as number) + profileAt(ki.cls, minute) + (now[k] as number)
          return (route.weights[j] as number) * Math.exp(-log)
        })
        const total = times.reduce((s, x) => s + x, 0)
        const shares = times.map((x) => x / total)
        let target = (memoryOf(route.routeId, minute) as number) + Math.log(total)
        route.keys.forEach((k, j) => {
          target += (shares[j] as number) * (now[k] as number)
        })
        return { keys: route.keys, shares, target }
      })
      at = departures(
        paths,
        paths.map((p) => p.target),
        nK,
        dynamicVar,
        MEMORY_NOISE_SD,
      )
    }
    between.set(minute, at)
    return at
  }
  // Between measured times a key's departure stays within what it did at a measured time: a key with a
  // tiny share of every route through it is barely pinned by them, and carrying them could otherwise
  // take it anywhere (one 30 m segment reached 4,478 km/h).
  const lo = new Float64Array(nK).fill(Number.POSITIVE_INFINITY)
  const hi = new Float64Array(nK).fill(Number.NEGATIVE_INFINITY)
  for (let k = 0; k < nK; k++)
    for (let t = 0; t < nT; t++) {
      const d = dyn[k * nT + t] as number
      if (d < (lo[k] as number)) lo[k] = d
      if (d > (hi[k] as number)) hi[k] = d
    }
  const dynAt = (k: number, minute: number) => {
    const t = timeOf.get(minute)
    if (t !== undefined) return dyn[k * nT + t] as number
    return Math.min(hi[k] as number, Math.max(lo[k] as number, departuresBetween(minute)[k] as number))
  }
  // A segment or direction no route measured: its free flow, district, street and segment priors alone.
  const priorLog = (segmentId: string, reversed: boolean, minute: number) => {
    const s = info(segmentId)
    const coef = (c: number) => beta[c] as number
    const logFf = Math.log(s.freeFlowKph)
    const segment = segments.get(segmentId)
    const district = districts.get(s.district)
    const name = s.name ? names.get(s.name) : undefined
    const cls = classes.get(s.roadClass)
    return (
      logFf +
      coef(col.slope) * (logFf - meanLogFf) +
      (district === undefined ? 0 : coef(col.district + district)) +
      (name === undefined ? 0 : coef(nameCol + name)) +
      (segment === undefined || reversed ? 0 : coef(segmentCol + segment)) +
      profileAt(cls ?? -1, minute)
    )
  }
  const keyLog = (key: string, minute: number) => {
    const k = keys.get(key)
    if (k === undefined) return priorLog(segmentOfKey(key), false, minute)
    const ki = keyInfo[k] as (typeof keyInfo)[number]
    return ki.logFf + (stat[k] as number) + profileAt(ki.cls, minute) + dynAt(k, minute)
  }
  const model = (path: MeasuredPath, minute: number) => {
    // Between measured times a measured route is its memory: exact where its segments, shared with
    // routes that disagree, cannot be.
    const own =
      path.routeId === undefined || timeOf.has(minute) ? undefined : remembered()(path.routeId, minute)
    if (own !== undefined) return Math.exp(own)
    const ks = directedKeys(path, (id) => info(id).oneway)
    return pathSpeedKph(
      ks,
      (key) => info(segmentOfKey(key)).lengthM,
      (key) => Math.exp(keyLog(key, minute)),
    )
  }
  const segmentKph = (segmentId: string, minute: number) => {
    const measured = [segmentId, `${segmentId}${REVERSED}`].filter((key) => keys.get(key) !== undefined)
    if (measured.length === 0) return Math.exp(priorLog(segmentId, false, minute))
    return Math.exp(measured.reduce((s, key) => s + keyLog(key, minute), 0) / measured.length)
  }
  return Object.assign(model, { segmentKph, dynamicNoiseSd, minutes })
}

interface SharedPath {
  keys: readonly number[]
  /** Each key's share of the path's travel time. */
  shares: readonly number[]
}

/**
 * The keys' departures (log speed) that carry paths by their log residuals: a dual ridge over the paths
 * (n ≈ 100 paths, ~350 keys), each key's departure spread `dynamicVar`, each path's `noiseSd` about them.
 */
function departures(
  paths: readonly SharedPath[],
  residuals: readonly number[],
  nK: number,
  dynamicVar: number,
  noiseSd: number,
): Float64Array {
  const n = paths.length
  const gram = new Float64Array(n * n)
  for (let a = 0; a < n; a++)
    for (let b = 0; b <= a; b++) {
      const v = dynamicVar * overlap(paths[a] as SharedPath, paths[b] as SharedPath)
      gram[a * n + b] = v
      gram[b * n + a] = v
    }
  for (let a = 0; a < n; a++) gram[a * n + a] = (gram[a * n + a] as number) + noiseSd ** 2
  const alpha = solveSpd(gram, n, Float64Array.from(residuals))
  if (!alpha) throw new Error('smooth speed fit: a dynamic system is not positive definite')
  const at = new Float64Array(nK)
  paths.forEach((p, a) => {
    p.keys.forEach((k, j) => {
      at[k] = (at[k] as number) + dynamicVar * (p.shares[j] as number) * (alpha[a] as number)
    })
  })
  return at
}

/** Σ over shared keys of the two paths' travel-time shares: their overlap in the dynamic prior. */
function overlap(a: SharedPath, b: SharedPath): number {
  let sum = 0
  a.keys.forEach((k, i) => {
    b.keys.forEach((l, j) => {
      if (k === l) sum += (a.shares[i] as number) * (b.shares[j] as number)
    })
  })
  return sum
}

/** Names to dense indices, in first-seen order. */
class Index {
  readonly names: string[] = []
  private readonly map = new Map<string, number>()
  get size(): number {
    return this.names.length
  }
  of(name: string): number {
    let i = this.map.get(name)
    if (i === undefined) {
      i = this.names.length
      this.map.set(name, i)
      this.names.push(name)
    }
    return i
  }
  get(name: string): number | undefined {
    return this.map.get(name)
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
