import { refineExtreme } from '../estuary/fit-estuary-tide'
import type { ReportedLevel } from '../estuary/reported-level'

const HOUR_MS = 3_600_000

/**
 * A curve's highs and lows over some local days at their exact times, as a bulletin would print them:
 * the known truth that a fit of the estuary tide is then asked to recover. For tests.
 */
export function printedExtremes(
  level: (atMs: number) => number,
  days: readonly string[],
  stationId = 'phu-an',
): ReportedLevel[] {
  return days.flatMap((day) => {
    const from = Date.parse(`${day}T00:00:00+07:00`)
    const step = 10 * 60_000
    const out: ReportedLevel[] = []
    for (let t = from; t < from + 24 * HOUR_MS; t += step) {
      const [a, b, c] = [level(t - step), level(t), level(t + step)]
      const extreme = b > a && b >= c ? 'high' : b < a && b <= c ? 'low' : null
      if (!extreme) continue
      const e = refineExtreme(level, t, step, extreme === 'high' ? 1 : -1)
      out.push({ kind: 'extreme', stationId, day, extreme, atMs: e.atMs, levelM: e.levelM, source: 'truth' })
    }
    return out
  })
}
