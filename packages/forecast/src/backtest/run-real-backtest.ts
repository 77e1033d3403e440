import { evaluateEstuaryTide } from '../estuary/fit-estuary-tide'
import type { ReportedLevel } from '../estuary/reported-level'
import {
  type LevelError,
  levelErrors,
  outsideRange,
  selectEstuaryTide,
  timedReadings,
} from '../estuary/select-estuary-tide'
import type { TideBases } from '../estuary/tide-bases'
import { applyTideTransfer, fitTideTransfer } from '../tide/fit-tide-transfer'
import { median } from './error-stats'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
/** The semidiurnal period: persistence expects the next high (low) one M2 period after the last. */
const M2_MS = 12.4206 * HOUR_MS

export const REAL_LEADS_H = [1, 3, 6, 24] as const
export const REAL_METHODS = ['forecast', 'single-lag', 'astronomical', 'persistence'] as const
export type RealMethod = (typeof REAL_METHODS)[number]

export interface RealBacktestOptions {
  /** Gauges scored (default every gauge in the reports). */
  stationIds?: readonly string[]
  /** E-folding time of the residual seen before the issue time, hours (default 12, as the live forecast). */
  residualTauH?: number
  /** Called after each held-out day, for a progress bar. */
  onProgress?: (done: number, total: number) => void
}

/** One forecast of one reported level at one lead, by one method. */
export interface RealForecast {
  stationId: string
  day: string
  kind: 'high' | 'low' | 'peak'
  leadH: number
  /** The reported level's time (a peak: its window's end), and the issue time `leadH` before it. */
  targetMs: number
  issuedMs: number
  method: RealMethod
  dtMin: number | null
  dhM: number | null
  /** Half-width of the calibrated 90 % band used for this forecast, metres (forecast method only). */
  bandM?: number
}

export interface SkillCell {
  n: number
  medianAbsDtMin: number | null
  medianAbsDhCm: number | null
}

export interface RealBacktestReport {
  /** Leave one reported day out, the curves alone (no residual): the model form against today's. */
  leaveOneDayOut: {
    stationId: string
    kind: 'high' | 'low' | 'peak'
    estuary: SkillCell
    singleLag: SkillCell
  }[]
  /** Forecasts issued `leadH` before each reported level, from the reports before the issue time only. */
  leads: {
    stationId: string
    kind: 'high' | 'low' | 'peak'
    leadH: number
    cells: Record<RealMethod, SkillCell>
  }[]
  band: {
    /** Share of reported levels inside the calibrated 90 % band, per lead, both gauges. */
    calibrated: { leadH: number; n: number; coverage: number | null; medianHalfWidthCm: number | null }[]
    /** The calibrated band's coverage per gauge and lead. */
    calibratedByGauge: {
      stationId: string
      leadH: number
      n: number
      coverage: number | null
      medianHalfWidthCm: number | null
    }[]
    /** The same with the live forecast's fixed band: 1.645 × the fit's in-sample rms. */
    fixed: { leadH: number; n: number; coverage: number | null; medianHalfWidthCm: number | null }[]
  }
  /** The form chosen for each held-out day: what the inner cross-validation preferred. */
  chosenForms: { stationId: string; day: string; groups: string[]; priorStrength: number }[]
  forecasts: RealForecast[]
  days: number
}

/**
 * The forecasters judged on what the river did. For each gauge and each reported day, the tide model is
 * chosen and fitted on the other days only (its form chosen by a leave-one-day-out inside them), then:
 * - its curve alone is scored at the day's reported highs, lows and peaks (the leave-one-day-out figures);
 * - at each lead, a forecast is issued `lead` hours before each reported level from the reports before that
 *   time only: the curve plus the residual of the last reported level, decaying; scored against today's
 *   single-lag fit with the same residual, the pure Vũng Tàu tide, and persistence (the last reported high
 *   or low of the same kind, one M2 period on, at its level).
 * The 90 % band of a day is the 90th percentile of the |level error| of the other days' forecasts at that
 * lead, so its coverage is measured on data its width never saw.
 */
export function runRealBacktest(
  bases: TideBases,
  reports: readonly ReportedLevel[],
  options: RealBacktestOptions = {},
): RealBacktestReport {
  const stationIds =
    options.stationIds ??
    [...new Set(reports.map((r) => r.stationId))]
      .filter((id) => timedReadings(reports.filter((r) => r.stationId === id)).length >= 3)
      .sort()
  const tauMs = (options.residualTauH ?? 12) * HOUR_MS
  const total = stationIds.reduce(
    (s, id) => s + new Set(reports.filter((r) => r.stationId === id).map((r) => r.day)).size,
    0,
  )
  const forecasts: RealForecast[] = []
  const loo: { stationId: string; estuary: LevelError[]; single: LevelError[] }[] = []
  const chosenForms: RealBacktestReport['chosenForms'] = []
  const fixedBand: { leadH: number; inside: boolean; halfWidthM: number }[] = []
  let done = 0
  for (const stationId of stationIds) {
    const mine = reports.filter((r) => r.stationId === stationId)
    const days = [...new Set(mine.map((r) => r.day))].sort()
    const errors = { stationId, estuary: [] as LevelError[], single: [] as LevelError[] }
    loo.push(errors)
    for (const day of days) {
      const train = mine.filter((r) => r.day !== day)
      const test = mine.filter((r) => r.day === day)
      if (timedReadings(train).length < 3) continue
      const { model } = selectEstuaryTide(bases, train)
      chosenForms.push({ stationId, day, groups: [...model.form.groups], priorStrength: model.priorStrength })
      const transfer = fitTideTransfer(bases.sea, timedReadings(train))
      const curves: Record<'forecast' | 'single-lag', (t: number) => number> = {
        forecast: (t) => evaluateEstuaryTide(bases, model, t),
        'single-lag': (t) => applyTideTransfer(bases.sea, transfer, t),
      }
      errors.estuary.push(...levelErrors(curves.forecast, test))
      errors.single.push(...levelErrors(curves['single-lag'], test))
      const inFitRmsM = rms(
        levelErrors(curves.forecast, train).flatMap((e) => (e.dhM === null ? [] : [e.dhM])),
      )
      for (const report of test) {
        const target = report.kind === 'extreme' ? report.atMs : report.toMs
        for (const leadH of REAL_LEADS_H) {
          const issuedMs = target - leadH * HOUR_MS
          // Only reports of this gauge printed before the issue time: no look-ahead.
          const known = test.filter((r) => r.kind === 'extreme' && r.atMs < issuedMs)
          const kind = report.kind === 'extreme' ? report.extreme : 'peak'
          const add = (method: RealMethod, e: { dtMin: number | null; dhM: number | null }) =>
            forecasts.push({ stationId, day, kind, leadH, targetMs: target, issuedMs, method, ...e })
          for (const method of ['forecast', 'single-lag'] as const) {
            const h = withResidual(curves[method], known, kind, tauMs)
            const e = scoreCurve(h, report)
            add(method, e)
            if (method === 'forecast' && e.dhM !== null)
              fixedBand.push({
                leadH,
                inside: Math.abs(e.dhM) <= 1.645 * inFitRmsM,
                halfWidthM: 1.645 * inFitRmsM,
              })
          }
          add('astronomical', scoreCurve(bases.sea, report))
          add('persistence', persistence(known, report))
        }
      }
      options.onProgress?.(++done, total)
    }
  }
  calibrateBands(forecasts)
  return {
    leaveOneDayOut: loo.flatMap(({ stationId, estuary, single }) =>
      (['high', 'low', 'peak'] as const).map((kind) => ({
        stationId,
        kind,
        estuary: cell(estuary.filter((e) => kindOf(e.report) === kind)),
        singleLag: cell(single.filter((e) => kindOf(e.report) === kind)),
      })),
    ),
    leads: stationIds.flatMap((stationId) =>
      (['high', 'low', 'peak'] as const).flatMap((kind) =>
        REAL_LEADS_H.map((leadH) => {
          const of = (m: RealMethod) =>
            cell(
              forecasts.filter(
                (f) => f.stationId === stationId && f.kind === kind && f.leadH === leadH && f.method === m,
              ),
            )
          return {
            stationId,
            kind,
            leadH,
            cells: Object.fromEntries(REAL_METHODS.map((m) => [m, of(m)])) as Record<RealMethod, SkillCell>,
          }
        }),
      ),
    ),
    band: {
      calibrated: REAL_LEADS_H.map((leadH) => bandCoverage(forecasts, leadH)),
      calibratedByGauge: stationIds.flatMap((stationId) =>
        REAL_LEADS_H.map((leadH) => ({ stationId, ...bandCoverage(forecasts, leadH, stationId) })),
      ),
      fixed: REAL_LEADS_H.map((leadH) =>
        coverage(
          leadH,
          fixedBand.filter((b) => b.leadH === leadH),
        ),
      ),
    },
    chosenForms,
    forecasts,
    days: total,
  }
}

function kindOf(r: ReportedLevel): 'high' | 'low' | 'peak' {
  return r.kind === 'extreme' ? r.extreme : 'peak'
}

/**
 * The curve plus the residual at the latest known report of the same kind (a high's for a high or a peak,
 * a low's for a low), decaying from that report's time. Of the same kind because the curve's error at a
 * high is not its error at a low: carrying a low's error onto the next high moves it the wrong way.
 */
function withResidual(
  curve: (t: number) => number,
  known: readonly ReportedLevel[],
  kind: 'high' | 'low' | 'peak',
  tauMs: number,
): (t: number) => number {
  const want = kind === 'low' ? 'low' : 'high'
  const last = known.filter((r) => r.kind === 'extreme' && r.extreme === want).at(-1)
  if (last?.kind !== 'extreme') return curve
  const residual = last.levelM - curve(last.atMs)
  return (t) => curve(t) + residual * Math.exp(-Math.max(0, t - last.atMs) / tauMs)
}

function scoreCurve(
  h: (t: number) => number,
  report: ReportedLevel,
): { dtMin: number | null; dhM: number | null } {
  const [e] = levelErrors(h, [report])
  return { dtMin: e?.dtMin ?? null, dhM: e?.dhM ?? null }
}

/** The last reported high (low) before the issue time, carried on by whole M2 periods to the target. */
function persistence(
  known: readonly ReportedLevel[],
  report: ReportedLevel,
): { dtMin: number | null; dhM: number | null } {
  if (report.kind === 'extreme') {
    const last = known.filter((r) => r.kind === 'extreme' && r.extreme === report.extreme).at(-1)
    if (last?.kind !== 'extreme') return { dtMin: null, dhM: null }
    const periods = Math.max(1, Math.round((report.atMs - last.atMs) / M2_MS))
    return {
      dtMin: (last.atMs + periods * M2_MS - report.atMs) / MINUTE_MS,
      dhM: last.levelM - report.levelM,
    }
  }
  const lastHigh = known.filter((r) => r.kind === 'extreme' && r.extreme === 'high').at(-1)
  if (lastHigh?.kind !== 'extreme') return { dtMin: null, dhM: null }
  return { dtMin: null, dhM: outsideRange(lastHigh.levelM, report.minM, report.maxM) }
}

/**
 * Each forecast's band: the split-conformal 90 % rank of |level error| at its lead on the other days, both
 * gauges and all kinds pooled (by kind, a high would have four errors to rank: too few for a 90 % band).
 */
function calibrateBands(forecasts: RealForecast[]): void {
  const own = forecasts.filter((f) => f.method === 'forecast' && f.dhM !== null)
  for (const f of own) {
    const others = own
      .filter((o) => o.leadH === f.leadH && o.day !== f.day)
      .map((o) => Math.abs(o.dhM as number))
      .sort((a, b) => a - b)
    if (others.length < 5) continue
    f.bandM = others[Math.min(others.length - 1, Math.ceil(0.9 * (others.length + 1)) - 1)] as number
  }
}

/** How often the reported level fell inside the calibrated band, at one lead (of one gauge, or all). */
function bandCoverage(forecasts: readonly RealForecast[], leadH: number, stationId?: string) {
  const banded = forecasts.filter(
    (f) =>
      f.method === 'forecast' &&
      f.leadH === leadH &&
      f.dhM !== null &&
      f.bandM !== undefined &&
      (stationId === undefined || f.stationId === stationId),
  )
  return coverage(
    leadH,
    banded.map((f) => ({
      inside: Math.abs(f.dhM as number) <= (f.bandM as number),
      halfWidthM: f.bandM as number,
    })),
  )
}

function coverage(leadH: number, xs: readonly { inside: boolean; halfWidthM: number }[]) {
  return {
    leadH,
    n: xs.length,
    coverage: xs.length === 0 ? null : round(xs.filter((x) => x.inside).length / xs.length, 3),
    medianHalfWidthCm: roundOrNull(median(xs.map((x) => x.halfWidthM * 100)), 1),
  }
}

function cell(errors: readonly { dtMin: number | null; dhM: number | null }[]): SkillCell {
  const dts = errors.flatMap((e) => (e.dtMin === null ? [] : [Math.abs(e.dtMin)]))
  const dhs = errors.flatMap((e) => (e.dhM === null ? [] : [Math.abs(e.dhM) * 100]))
  return {
    n: dhs.length,
    medianAbsDtMin: roundOrNull(median(dts), 0),
    medianAbsDhCm: roundOrNull(median(dhs), 1),
  }
}

function rms(xs: readonly number[]): number {
  return xs.length === 0 ? 0.1 : Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length)
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

function roundOrNull(x: number | null, digits: number): number | null {
  return x === null ? null : round(x, digits)
}
