import { localTimeMs } from '@ioc/domain'
import type { TideReports } from '@ioc/fixtures'
import type { ReportedLevel } from '@ioc/forecast'

const HOUR_MS = 3_600_000

/**
 * The fixtures' tide reports as levels the forecast package can be fitted to and scored on: every printed
 * daily high and low; a forecast peak whose note names hour windows ("peak 6-7 Nov, 4-6h and 17-19h")
 * once per window; any other peak as the highest level of its local day.
 */
export function reportedLevels(reports: TideReports): ReportedLevel[] {
  const extremes: ReportedLevel[] = reports.dailyExtremes.map((r) => ({
    kind: 'extreme',
    stationId: r.stationId,
    day: r.observedAt.slice(0, 10),
    extreme: r.extreme,
    atMs: Date.parse(r.observedAt),
    levelM: r.valueM,
    source: r.sourceUrl,
  }))
  const peaks = reports.peaks.flatMap((p): ReportedLevel[] => {
    const midnight = localTimeMs(p.date, '00:00')
    const windows = [...p.note.matchAll(/(\d{1,2})-(\d{1,2})h/g)].map((m) => [Number(m[1]), Number(m[2])])
    return (windows.length > 0 ? windows : [[0, 24]]).map(([from, to]) => ({
      kind: 'peak',
      stationId: p.stationId,
      day: p.date,
      status: p.status,
      fromMs: midnight + (from as number) * HOUR_MS,
      toMs: midnight + (to as number) * HOUR_MS,
      minM: p.minM,
      maxM: p.maxM,
      source: p.sourceUrl,
    }))
  })
  return [...extremes, ...peaks].sort((a, b) => start(a) - start(b))
}

function start(r: ReportedLevel): number {
  return r.kind === 'extreme' ? r.atMs : r.fromMs
}
