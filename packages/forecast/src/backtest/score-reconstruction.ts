import { estimateSurgeKnots } from '../estuary/estimate-surge'
import { highestInWindow } from '../estuary/fit-estuary-tide'
import type { ReportedLevel } from '../estuary/reported-level'
import { outsideRange, selectEstuaryTide } from '../estuary/select-estuary-tide'
import type { TideBases } from '../estuary/tide-bases'

export interface ReconstructionWindow {
  stationId: string
  fromMs: number
  toMs: number
  reportedMinM: number
  reportedMaxM: number
  /** The tide model fitted without this day: its highest level in the window, and how far outside the range. */
  heldOut: { atMs: number; levelM: number; errorCm: number }
  /** The tide model fitted with every reported day, before any surge. */
  tideInFit: { atMs: number; levelM: number; errorCm: number }
  /** The surge the in-fit model estimates for the window (what the simulator's reconstruction adds), m. */
  surgeM: number
}

/**
 * How a reconstruction of a reported day meets its reported peaks: per gauge and reported window, the
 * held-out tide model (the honest check: it never saw the day), the model fitted on every day, and the
 * surge it estimates to meet the window. Only peak reports with a window of hours are scored.
 */
export function scoreReconstruction(
  bases: TideBases,
  reports: readonly ReportedLevel[],
  day: string,
): ReconstructionWindow[] {
  const stationIds = [...new Set(reports.filter((r) => r.day === day).map((r) => r.stationId))].sort()
  return stationIds.flatMap((stationId) => {
    const mine = reports.filter((r) => r.stationId === stationId)
    const windows = mine.filter(
      (r): r is Extract<ReportedLevel, { kind: 'peak' }> =>
        r.day === day && r.kind === 'peak' && r.toMs - r.fromMs <= 12 * 3_600_000,
    )
    if (windows.length === 0) return []
    const heldOut = selectEstuaryTide(
      bases,
      mine.filter((r) => r.day !== day),
    ).model
    const inFit = selectEstuaryTide(bases, mine).model
    const surge = estimateSurgeKnots(bases, inFit, windows)
    return windows.map((w, k) => {
      const score = (top: { atMs: number; levelM: number }) => ({
        ...top,
        errorCm: Math.round(outsideRange(top.levelM, w.minM, w.maxM) * 1000) / 10,
      })
      return {
        stationId,
        fromMs: w.fromMs,
        toMs: w.toMs,
        reportedMinM: w.minM,
        reportedMaxM: w.maxM,
        heldOut: score(highestInWindow(bases, heldOut, w.fromMs, w.toMs)),
        tideInFit: score(highestInWindow(bases, inFit, w.fromMs, w.toMs)),
        surgeM: Math.round((surge[k]?.value ?? 0) * 1000) / 1000,
      }
    })
  })
}
