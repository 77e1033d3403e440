import { localTimeMs } from '@ioc/domain'
import type { TideReports } from '@ioc/fixtures'
import type { LevelReading } from '@ioc/forecast'

/**
 * The reported levels of a gauge that carry a time: every printed daily high and low, plus each forecast
 * peak whose note gives hour windows ("peak 6-7 Nov, 4-6h and 17-19h"), read as the mid-range level at
 * the middle of each window. Peaks without a time cannot constrain a lag and are left out.
 */
export function reportedReadings(reports: TideReports, stationId: string): LevelReading[] {
  const extremes = reports.dailyExtremes
    .filter((r) => r.stationId === stationId)
    .map((r) => ({ atMs: Date.parse(r.observedAt), levelM: r.valueM }))
  const peaks = reports.peaks
    .filter((p) => p.stationId === stationId)
    .flatMap((p) =>
      [...p.note.matchAll(/(\d{1,2})-(\d{1,2})h/g)].map((m) => {
        const midHour = (Number(m[1]) + Number(m[2])) / 2
        return {
          atMs: localTimeMs(p.date, '00:00') + midHour * 3_600_000,
          levelM: (p.minM + p.maxM) / 2,
        }
      }),
    )
  return [...extremes, ...peaks].sort((a, b) => a.atMs - b.atMs)
}
