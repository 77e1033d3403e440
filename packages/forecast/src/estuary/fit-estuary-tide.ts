import { Matrix, solve } from 'ml-matrix'
import { type EstuaryForm, estuaryFeatures, type FeatureGroup, featureNames } from './estuary-form'
import type { ReportedLevel } from './reported-level'
import type { TideBases } from './tide-bases'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS

/** A fitted estuary tide: level(t) = Σ coefficients × estuaryFeatures(t), metres on the national datum. */
export interface EstuaryTide {
  form: EstuaryForm
  names: string[]
  coefficients: number[]
  /** Prior strength the fit was regularised with (see FitEstuaryOptions). */
  priorStrength: number
}

export interface FitEstuaryOptions {
  groups: readonly FeatureGroup[]
  /** Multiplies every term's prior precision; 0 is plain least squares (default 1). */
  priorStrength?: number
  /** Level error of a reported value, metres (default 0.05: printed to the cm, plus the day's surge). */
  levelSdM?: number
  /** Time error of a printed extreme, hours (default 0.25: printed to the half hour). */
  timeSdH?: number
}

/**
 * Prior spread of each added term's coefficient (metres per unit of the term): the ridge that keeps a
 * fit to a few dozen reported levels from chasing them. The overtides' 0.1 m is ten times their Vũng
 * Tàu amplitude; an annual river swing beyond 0.2 m would be a flood, not a season.
 */
const PRIOR_SD: Record<string, number> = {
  semi: 0.3,
  'semi′': 0.5,
  'sea′': 0.5,
  'sea²': 0.2,
  'sea·sea′': 0.3,
  range·sea: 0.5,
  'annual cos': 0.2,
  'annual sin': 0.2,
}
const OVERTIDE_PRIOR_SD = 0.1

export function evaluateEstuaryTide(bases: TideBases, model: EstuaryTide, atMs: number): number {
  const f = estuaryFeatures(bases, model.form, atMs)
  let s = 0
  for (let i = 0; i < f.length; i++) s += (f[i] as number) * (model.coefficients[i] as number)
  return s
}

/**
 * Fits the form to reported levels by weighted, regularised least squares. A printed extreme gives two
 * rows: its level, and the curve's slope there, which must be zero (a slope s with curvature c is a time
 * error s / c, so the row is weighted by the time error it means). Fitting levels alone cannot place an
 * extreme in time: at an extreme the level hardly changes with the time. A peak without a time gives one
 * row at the model's own highest point in its window, found again after each of a few refits.
 */
export function fitEstuaryTide(
  bases: TideBases,
  lagMin: number,
  reports: readonly ReportedLevel[],
  options: FitEstuaryOptions,
): EstuaryTide {
  const form: EstuaryForm = { lagMin, groups: options.groups }
  const names = featureNames(form, bases)
  const levelSd = options.levelSdM ?? 0.05
  const timeSdH = options.timeSdH ?? 0.25
  const strength = options.priorStrength ?? 1
  const prior = names.map((n) =>
    n === 'offset' || n === 'sea' ? 0 : strength / (PRIOR_SD[n] ?? OVERTIDE_PRIOR_SD) ** 2,
  )
  // Start from the single-lag curve: gain 1 and the mean reported level as offset.
  const mean = reports.reduce((s, r) => s + (r.kind === 'extreme' ? r.levelM : (r.minM + r.maxM) / 2), 0)
  let model: EstuaryTide = {
    form,
    names,
    coefficients: names.map((n) => (n === 'sea' ? 1 : n === 'offset' ? mean / reports.length : 0)),
    priorStrength: strength,
  }
  // A printed extreme's rows do not depend on the model, only its slope row's weight does (through the
  // curvature, the dot product with the second-derivative row): computed once, not on every pass.
  const fixed = reports.flatMap((r) => {
    if (r.kind !== 'extreme') return []
    const at = (dMin: number) => estuaryFeatures(bases, form, r.atMs + dMin * MINUTE_MS)
    const [before, mid, after] = [at(-15), at(0), at(15)]
    return [
      {
        level: mid,
        levelM: r.levelM,
        slope: derivative(at(5), at(-5), 10),
        // Per hour², from ±15 minutes: a smooth estimate where the slope row wants the curve's bend.
        bend: mid.map((m, i) => (((after[i] as number) + (before[i] as number) - 2 * m) / 225) * 3600),
      },
    ]
  })
  // Where each peak's row sits: searched over its whole window once, then only near the last place.
  const peakAt = new Map<number, number>()
  for (let pass = 0; pass < 4; pass++) {
    const rows: number[][] = []
    const ys: number[] = []
    const ws: number[] = []
    for (const f of fixed) {
      rows.push(f.level, f.slope)
      ys.push(f.levelM, 0)
      const curvature = Math.max(0.05, Math.abs(dot(f.bend, model.coefficients)))
      ws.push(1 / levelSd ** 2, 1 / (curvature * timeSdH) ** 2)
    }
    for (const [k, r] of reports.entries()) {
      if (r.kind !== 'peak') continue
      const last = peakAt.get(k)
      const h = (t: number) => evaluateEstuaryTide(bases, model, t)
      const at =
        last === undefined
          ? highestInWindow(bases, model, r.fromMs, r.toMs).atMs
          : refineExtreme(h, last, HOUR_MS, 1, r.fromMs, r.toMs).atMs
      peakAt.set(k, at)
      rows.push(estuaryFeatures(bases, form, at))
      ys.push((r.minM + r.maxM) / 2)
      ws.push(1 / Math.max(levelSd, (r.maxM - r.minM) / 2) ** 2)
    }
    model = { ...model, coefficients: solveRidge(rows, ys, ws, prior) }
  }
  return model
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number)
  return s
}

/** (a − b) per hour over `spanMin` minutes: the central difference of two feature rows. */
function derivative(a: readonly number[], b: readonly number[], spanMin: number): number[] {
  return a.map((v, i) => ((v - (b[i] as number)) * 60) / spanMin)
}

function solveRidge(rows: number[][], ys: number[], ws: number[], prior: number[]): number[] {
  const p = prior.length
  const ata = Matrix.zeros(p, p)
  const aty = Matrix.zeros(p, 1)
  rows.forEach((row, k) => {
    const w = ws[k] as number
    for (let i = 0; i < p; i++) {
      aty.set(i, 0, aty.get(i, 0) + w * (row[i] as number) * (ys[k] as number))
      for (let j = 0; j < p; j++) ata.set(i, j, ata.get(i, j) + w * (row[i] as number) * (row[j] as number))
    }
  })
  for (let i = 0; i < p; i++) ata.set(i, i, ata.get(i, i) + (prior[i] as number))
  return solve(ata, aty, true).getColumn(0)
}

/**
 * The model's highest level in [fromMs, toMs): a 30-minute scan (highs are hours apart), refined to the
 * second by a golden-section search around the best sample.
 */
export function highestInWindow(
  bases: TideBases,
  model: EstuaryTide,
  fromMs: number,
  toMs: number,
): { atMs: number; levelM: number } {
  const h = (t: number) => evaluateEstuaryTide(bases, model, t)
  const step = 30 * MINUTE_MS
  let best = fromMs
  let bestLevel = h(fromMs)
  for (let t = fromMs + step; t < toMs; t += step) {
    const v = h(t)
    if (v > bestLevel) {
      best = t
      bestLevel = v
    }
  }
  return refineExtreme(h, best, step, 1, fromMs, toMs)
}

/**
 * The extreme within one `step` of a sampled one, by golden-section search to 10 s: the curve is
 * unimodal there, and a search does not care that the tabulated bases are linear between minutes.
 */
export function refineExtreme(
  h: (atMs: number) => number,
  atMs: number,
  step: number,
  sign: 1 | -1,
  fromMs = Number.NEGATIVE_INFINITY,
  toMs = Number.POSITIVE_INFINITY,
): { atMs: number; levelM: number } {
  const g = (Math.sqrt(5) - 1) / 2
  let a = Math.max(fromMs, atMs - step)
  let b = Math.min(toMs, atMs + step)
  let c = b - g * (b - a)
  let d = a + g * (b - a)
  let fc = sign * h(c)
  let fd = sign * h(d)
  while (b - a > 10_000) {
    if (fc > fd) {
      b = d
      d = c
      fd = fc
      c = b - g * (b - a)
      fc = sign * h(c)
    } else {
      a = c
      c = d
      fc = fd
      d = a + g * (b - a)
      fd = sign * h(d)
    }
  }
  const t = (a + b) / 2
  return { atMs: t, levelM: h(t) }
}
