import { createTidePredictor, type HarmonicConstituent } from '@neaps/tide-predictor'

const MINUTE_MS = 60_000
const DAY_MINUTES = 1440
const DAY_MS = DAY_MINUTES * MINUTE_MS

/**
 * A tide as a continuous function of time: the predictor's level at every whole minute, kept in day-long
 * tables, linear in between. @neaps' `getWaterLevelAtTime` answers on its 10-minute timeline (a level
 * held for 10 minutes, then a jump of up to 16 cm up the river), so each table comes from one timeline
 * at 60-second fidelity instead. At most `maxDays` tables are kept (default 60, ~0.7 MB), oldest dropped.
 */
export function createTideCurve(
  constituents: readonly HarmonicConstituent[],
  maxDays = 60,
): (atMs: number) => number {
  const predictor = createTidePredictor([...constituents])
  const days = new Map<number, Float64Array>()
  const table = (day: number): Float64Array => {
    let t = days.get(day)
    if (!t) {
      const start = new Date(day * DAY_MS)
      const end = new Date((day + 1) * DAY_MS)
      const timeline = predictor.getTimelinePrediction({ start, end, timeFidelity: 60 })
      t = Float64Array.from(timeline.slice(0, DAY_MINUTES + 1), (p) => p.level)
      days.set(day, t)
      if (days.size > maxDays) days.delete(days.keys().next().value as number)
    }
    return t
  }
  return (atMs) => {
    const minute = Math.floor(atMs / MINUTE_MS)
    const day = Math.floor(minute / DAY_MINUTES)
    const t = table(day)
    const m = minute - day * DAY_MINUTES
    const a = t[m] as number
    const f = atMs / MINUTE_MS - minute
    return f === 0 ? a : a + ((t[m + 1] as number) - a) * f
  }
}
