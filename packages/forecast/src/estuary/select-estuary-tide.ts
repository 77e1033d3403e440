import { fitTideTransfer, type LevelReading } from '../tide/fit-tide-transfer'
import { FEATURE_GROUPS, type FeatureGroup } from './estuary-form'
import { findExtremeNear } from './find-extreme'
import { type EstuaryTide, evaluateEstuaryTide, fitEstuaryTide, refineExtreme } from './fit-estuary-tide'
import type { ReportedLevel } from './reported-level'
import type { TideBases } from './tide-bases'

const HOUR_MS = 3_600_000

/** Forms tried, simplest first: the single-lag terms, then each group added in turn. */
export const CANDIDATE_GROUPS: readonly (readonly FeatureGroup[])[] = Array.from(
  { length: FEATURE_GROUPS.length + 1 },
  (_, k) => FEATURE_GROUPS.slice(0, k),
)
/** Prior strengths tried: from a loose ridge to one that holds the added terms near zero. */
export const CANDIDATE_STRENGTHS = [1, 3, 10, 30] as const

/** Error of a curve at one reported level: time (min, null for a peak) and level (m). */
export interface LevelError {
  report: ReportedLevel
  dtMin: number | null
  dhM: number | null
}

export interface SelectedTide {
  model: EstuaryTide
  /** The inner cross-validation score of the chosen form (lower is better). */
  score: number
}

/**
 * The readings today's single-lag fit takes: every printed extreme, and each forecast peak whose window
 * is a few hours, at its middle (a day's peak without a time cannot constrain a lag).
 */
export function timedReadings(reports: readonly ReportedLevel[]): LevelReading[] {
  return reports.flatMap((r) => {
    if (r.kind === 'extreme') return [{ atMs: r.atMs, levelM: r.levelM }]
    if (r.toMs - r.fromMs > 12 * HOUR_MS) return []
    return [{ atMs: (r.fromMs + r.toMs) / 2, levelM: (r.minM + r.maxM) / 2 }]
  })
}

/**
 * How a curve meets each reported level: the nearest high or low of the curve to a printed extreme
 * (time and level error), and for a peak the curve's highest level in the window, counted as an error
 * only by how far it falls outside the reported range.
 */
export function levelErrors(h: (atMs: number) => number, reports: readonly ReportedLevel[]): LevelError[] {
  return reports.map((report) => {
    if (report.kind === 'extreme') {
      const e = findExtremeNear(h, report.extreme, report.atMs)
      if (!e) return { report, dtMin: null, dhM: null }
      return { report, dtMin: (e.atMs - report.atMs) / 60_000, dhM: e.levelM - report.levelM }
    }
    const top = highestOf(h, report.fromMs, report.toMs)
    return { report, dtMin: null, dhM: outsideRange(top, report.minM, report.maxM) }
  })
}

export function outsideRange(x: number, min: number, max: number): number {
  return x < min ? x - min : x > max ? x - max : 0
}

function highestOf(h: (atMs: number) => number, fromMs: number, toMs: number): number {
  const step = 30 * 60_000
  let best = fromMs
  for (let t = fromMs + step; t < toMs; t += step) if (h(t) > h(best)) best = t
  return refineExtreme(h, best, step, 1, fromMs, toMs).levelM
}

/**
 * Fits every candidate form to `reports` and keeps the one that best predicts each reported day from
 * the others (leave one day out): the choice never sees a day it is then scored on, because the caller
 * hands in only the training days. Only days with printed highs and lows judge a form, each predicted
 * from training that has printed extremes of its own: a peak without a time cannot tell a form that places
 * the highs well from one that does not. With fewer than two such days the single lag stays: one day left
 * out of two leaves a fit to one day judged on nothing (the reported days: each left-out 2013 day leaves
 * the other, so the richer forms are chosen only where both 2013 days are in training). A missing extreme
 * counts as 2 h and 20 cm; a tie keeps the simpler form.
 */
export function selectEstuaryTide(bases: TideBases, reports: readonly ReportedLevel[]): SelectedTide {
  const timed = (r: ReportedLevel) => r.kind === 'extreme'
  const judges = [...new Set(reports.filter(timed).map((r) => r.day))].filter((day) =>
    reports.some((r) => timed(r) && r.day !== day),
  )
  const single = { groups: [] as readonly FeatureGroup[], strength: CANDIDATE_STRENGTHS[0] as number }
  if (judges.length < MIN_JUDGING_DAYS)
    return { model: fitForm(bases, reports, [], single.strength), score: 0 }
  // The base lag depends on the training days only, not on the form: found once per left-out day.
  const folds = judges.map((day) => {
    const train = reports.filter((r) => r.day !== day)
    return { train, test: reports.filter((r) => r.day === day), lagMin: baseLagMin(bases, train) }
  })
  let best: { groups: readonly FeatureGroup[]; strength: number; score: number } | null = null
  for (const groups of CANDIDATE_GROUPS) {
    for (const strength of CANDIDATE_STRENGTHS) {
      if (groups.length === 0 && strength !== CANDIDATE_STRENGTHS[0]) continue // nothing to regularise
      let score = 0
      for (const { train, test, lagMin } of folds) {
        const m = fitEstuaryTide(bases, lagMin, train, { groups, priorStrength: strength })
        score += errorScore(levelErrors((t) => evaluateEstuaryTide(bases, m, t), test))
      }
      if (!best || score < best.score) best = { groups, strength, score }
    }
  }
  if (!best) throw new Error('selectEstuaryTide: no candidate form')
  return { model: fitForm(bases, reports, best.groups, best.strength), score: best.score }
}

/** Left-out days with printed extremes a form choice needs; below it, the single lag. */
export const MIN_JUDGING_DAYS = 2

/**
 * Base lags tried, minutes: Vũng Tàu to Nhà Bè and Phú An is 2–4 h (the reported highs and lows of 2013
 * come 75–250 min after Vũng Tàu's), searched over 1–5⅓ h.
 */
const BASE_LAGS_MIN = Array.from({ length: 27 }, (_, k) => 60 + 10 * k)

/**
 * The form fitted at the base lag: the lag whose single-lag curve best meets the reported highs, lows and
 * peaks in time and level (the score the backtest judges by), not the lag that best fits the levels at
 * the printed times: at a high or low the level hardly moves with the time (the 2013 extremes stay within
 * 5 cm of their top for ±40–60 min), so a fit to levels there barely sees the lag. The added terms then
 * shift the lag by level and species.
 */
export function fitForm(
  bases: TideBases,
  reports: readonly ReportedLevel[],
  groups: readonly FeatureGroup[],
  priorStrength: number,
): EstuaryTide {
  return fitEstuaryTide(bases, baseLagMin(bases, reports), reports, { groups, priorStrength })
}

/** The base lag of `fitForm`, minutes; the single-lag fit's when no report has a time to meet. */
export function baseLagMin(bases: TideBases, reports: readonly ReportedLevel[]): number {
  if (!reports.some((r) => r.kind === 'extreme'))
    return fitTideTransfer(bases.sea, timedReadings(reports)).lagMin
  let best = { lagMin: BASE_LAGS_MIN[0] as number, score: Number.POSITIVE_INFINITY }
  for (const lagMin of BASE_LAGS_MIN) {
    const m = fitEstuaryTide(bases, lagMin, reports, { groups: [] })
    const score = errorScore(levelErrors((t) => evaluateEstuaryTide(bases, m, t), reports))
    if (score < best.score) best = { lagMin, score }
  }
  return best.lagMin
}

/** Squared errors in units of the targets (30 min, 10 cm). */
function errorScore(errors: readonly LevelError[]): number {
  let s = 0
  for (const e of errors) {
    s += e.dhM === null ? 4 : (e.dhM / 0.1) ** 2
    if (e.report.kind === 'extreme') s += e.dtMin === null ? 16 : (e.dtMin / 30) ** 2
  }
  return s
}
