import { localMidnightMs } from '@ioc/domain'
import { createSeriesStore, fitTrafficModel, forecastSegmentSpeed } from '@ioc/forecast'
import { generateObservations } from '../generate-observations'
import type { Scenario } from '../scenario/scenario'
import type { World } from '../world'
import type { PathRun, SegmentInfo } from './calibrate-speeds'
import { calibratedWeekday } from './calibrated-day'
import { weekendDay } from './daily-profile'
import { pathSpeedKph } from './fit-segment-speeds'
import { fitSmoothSpeeds } from './fit-smooth-speeds'

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

export const MEASURED_METHODS = ['forecast', 'persistence', 'usual profile', 'seasonal naive'] as const
export type MeasuredMethod = (typeof MEASURED_METHODS)[number]

export interface MeasuredTrafficScore {
  /** What is scored against what: the measured runs are the only real traffic. */
  data: string
  /** The measured minutes of the day scored (each left out of the calibration in turn). */
  minutes: number[]
  leads: {
    leadMin: number
    /** Measured runs scored (one route at one measured time). */
    n: number
    /** Mean |predicted − measured| path speed, km/h, and the median relative error. */
    maeKph: Record<MeasuredMethod, number>
    medianRelative: Record<MeasuredMethod, number>
  }[]
}

export interface MeasuredTrafficOptions {
  /** Measured minutes to score (default every one but the first and last, as leave-one-time-out). */
  minutes?: readonly number[]
  /** Days of simulated history before the measured day (default 21, the forecaster's profile window). */
  historyDays?: number
  leadsMin?: readonly number[]
  /** Called after each measured minute is scored. */
  onProgress?: (done: number, total: number) => void
}

/**
 * The traffic forecaster scored on the 2025-10-30 measured runs, apart from the simulated backtest. For
 * each measured time τ, the calibration is fitted without τ's runs; the simulator plays the measured
 * segments on it for `historyDays` before the day and the day up to τ (simulated readings: the only
 * traffic history there is); the forecaster learns its usual profile and anomaly persistence from that
 * history and forecasts each segment from τ − lead. A route's forecast is the travel-time mean of its
 * segments', scored against the route's measured speed at τ, beside persistence (the simulated reading
 * at τ − lead), the usual profile and the seasonal naive (the simulated reading at τ a week before).
 * Nothing of τ's measurements reaches anything scored at τ.
 */
export function scoreTrafficOnMeasured(
  world: World,
  scenario: Scenario,
  runs: readonly PathRun[],
  info: (id: string) => SegmentInfo,
  options: MeasuredTrafficOptions = {},
): MeasuredTrafficScore {
  const all = [...new Set(runs.map((r) => r.minute))].sort((a, b) => a - b)
  const minutes = [...(options.minutes ?? all.slice(1, -1))]
  const leads = options.leadsMin ?? [15, 30, 60]
  const measuredIds = [...new Set(runs.flatMap((r) => r.segmentIds))].sort()
  const measured = new Set(measuredIds)
  const segments = world.segments.filter((s) => measured.has(s.id))
  const dayMs = localMidnightMs(Date.parse(scenario.from))
  const errors = leads.map(
    () => new Map(MEASURED_METHODS.map((m) => [m, { kph: [] as number[], rel: [] as number[] }])),
  )
  for (const [done, minute] of minutes.entries()) {
    const calibration = fitSmoothSpeeds(
      runs.filter((r) => r.minute !== minute),
      info,
    )
    const weekdayKph = world.weekdayKph.map((day, i) => {
      const id = world.segments[i]?.id as string
      return measured.has(id) ? calibratedWeekday(calibration, id) : day
    })
    const heldOut: World = { ...world, weekdayKph, weekendKph: weekdayKph.map(weekendDay) }
    const tauMs = dayMs + minute * MINUTE_MS
    const store = createSeriesStore()
    const played: Scenario = {
      ...scenario,
      from: new Date(dayMs - (options.historyDays ?? 21) * DAY_MS).toISOString(),
      to: new Date(tauMs + MINUTE_MS).toISOString(),
      traffic: { ...scenario.traffic, segmentIds: measuredIds },
    }
    for (const o of generateObservations(played, heldOut))
      if (o.type === 'traffic') store.append(o.segmentId, Date.parse(o.observedAt), o.speedKph)
    const model = fitTrafficModel(store, segments, dayMs, { leadsMin: leads })
    const scored = runs.filter((r) => r.minute === minute)
    leads.forEach((leadMin, k) => {
      const issuedMs = tauMs - leadMin * MINUTE_MS
      const by = new Map(MEASURED_METHODS.map((m) => [m, new Map<string, number>()]))
      for (const s of segments) {
        const f = forecastSegmentSpeed(store, model, s, issuedMs)
        const lead = f.leads.find((l) => l.leadMin === leadMin)
        const weekAgo = store.range(s.id, tauMs - 7 * DAY_MS, tauMs - 7 * DAY_MS + 1)[0]
        if (!lead || f.nowKph === null || !weekAgo) continue
        by.get('forecast')?.set(s.id, lead.speedKph)
        by.get('persistence')?.set(s.id, f.nowKph)
        by.get('usual profile')?.set(s.id, lead.usualKph)
        by.get('seasonal naive')?.set(s.id, weekAgo.value)
      }
      for (const r of scored)
        for (const m of MEASURED_METHODS) {
          const kph = by.get(m) as Map<string, number>
          if (!r.segmentIds.every((id) => kph.has(id))) continue
          const predicted = pathSpeedKph(
            r.segmentIds,
            (id) => info(id).lengthM,
            (id) => kph.get(id) as number,
          )
          const e = errors[k]?.get(m)
          e?.kph.push(Math.abs(predicted - r.speedKph))
          e?.rel.push(Math.abs(predicted / r.speedKph - 1))
        }
    })
    options.onProgress?.(done + 1, minutes.length)
  }
  return {
    data:
      'fixtures/hcmc/measured-speeds.json (2025-10-30): measured runs only; the history the forecaster ' +
      'learns from is simulated, on a calibration fitted without the scored time',
    minutes,
    leads: leads.map((leadMin, k) => {
      const kph = (m: MeasuredMethod) => errors[k]?.get(m)?.kph ?? []
      const rel = (m: MeasuredMethod) => errors[k]?.get(m)?.rel ?? []
      const r3 = (x: number) => Math.round(x * 1000) / 1000
      return {
        leadMin,
        n: kph('forecast').length,
        maeKph: Object.fromEntries(MEASURED_METHODS.map((m) => [m, r3(mean(kph(m)))])) as Record<
          MeasuredMethod,
          number
        >,
        medianRelative: Object.fromEntries(MEASURED_METHODS.map((m) => [m, r3(median(rel(m)))])) as Record<
          MeasuredMethod,
          number
        >,
      }
    }),
  }
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
