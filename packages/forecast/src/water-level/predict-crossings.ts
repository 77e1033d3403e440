import { ALARM_LEVELS, type AlarmLevel, type AlarmLevelsM } from '@ioc/domain'

export interface ForecastCrossing {
  level: AlarmLevel
  thresholdM: number
  /** When the forecast first rises through the level, interpolated between points, epoch ms. */
  atMs: number
  /** Minutes from the forecast time to the crossing. */
  leadMin: number
}

/**
 * The first upward crossing of each báo động level on a forecast curve (points[0] is the nowcast).
 * A level the curve starts above has no crossing until it dips below and rises again.
 */
export function predictCrossings(
  points: readonly { atMs: number; levelM: number }[],
  levels: AlarmLevelsM,
): ForecastCrossing[] {
  const issuedAtMs = points[0]?.atMs ?? 0
  const out: ForecastCrossing[] = []
  for (const level of ALARM_LEVELS) {
    const thresholdM = levels[level]
    if (thresholdM === null) continue
    for (let k = 1; k < points.length; k++) {
      const a = points[k - 1] as { atMs: number; levelM: number }
      const b = points[k] as { atMs: number; levelM: number }
      if (a.levelM < thresholdM && b.levelM >= thresholdM) {
        const atMs = a.atMs + ((thresholdM - a.levelM) / (b.levelM - a.levelM)) * (b.atMs - a.atMs)
        out.push({ level, thresholdM, atMs, leadMin: (atMs - issuedAtMs) / 60_000 })
        break
      }
    }
  }
  return out
}
