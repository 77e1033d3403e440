import { type EstuaryTide, evaluateEstuaryTide, highestInWindow } from './fit-estuary-tide'
import type { ReportedLevel } from './reported-level'
import type { TideBases } from './tide-bases'

/**
 * The surge a day's reported levels imply over the tide model, as knots to interpolate between: at each
 * reported high or low its level minus the model's, at each reported peak window the window's middle level
 * minus the model's highest there, at that time. Least squares with one free level per report, i.e. the
 * residual itself: a reconstruction meets the reports it was given, and says by how much it had to move.
 */
export function estimateSurgeKnots(
  bases: TideBases,
  model: EstuaryTide,
  reports: readonly ReportedLevel[],
): { atMs: number; value: number }[] {
  return reports
    .map((r) => {
      if (r.kind === 'extreme')
        return { atMs: r.atMs, value: r.levelM - evaluateEstuaryTide(bases, model, r.atMs) }
      const top = highestInWindow(bases, model, r.fromMs, r.toMs)
      return { atMs: top.atMs, value: (r.minM + r.maxM) / 2 - top.levelM }
    })
    .sort((a, b) => a.atMs - b.atMs)
}
