import { loadMeasuredSpeeds, loadNetwork } from '@ioc/fixtures'
import {
  formatMeasuredTraffic,
  loadScenario,
  loadWorld,
  measuredRuns,
  scoreTrafficOnMeasured,
  segmentInfo,
} from '@ioc/simulator'
import { SingleBar } from 'cli-progress'
import { CliError } from '../cli/cli-error'

/**
 * The traffic half of `ioc backtest --real`: the forecaster scored on the 2025-10-30 measured runs, each
 * measured time (`times`, "07:30,17:00"; default every inner one) left out of the calibration in turn,
 * with a progress bar on stderr. Returns the table.
 */
export function measuredTrafficBacktest(times?: string): string {
  const segments = loadNetwork().segments
  const runs = measuredRuns(loadMeasuredSpeeds(), segments)
  const measured = [...new Set(runs.map((r) => r.minute))].sort((a, b) => a - b)
  const minutes =
    times === undefined ? measured.slice(1, -1) : times.split(',').map((t) => measuredMinute(t, measured))
  const bar = new SingleBar({
    format: 'traffic  |{bar}| {value}/{total} measured times left out',
    hideCursor: true,
  })
  bar.start(minutes.length, 0)
  try {
    const score = scoreTrafficOnMeasured(
      loadWorld(),
      loadScenario('normal-weekday').scenario,
      runs,
      segmentInfo(segments),
      {
        minutes,
        onProgress: (done) => bar.update(done),
      },
    )
    return formatMeasuredTraffic(score)
  } finally {
    bar.stop()
  }
}

function measuredMinute(text: string, measured: readonly number[]): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim())
  const minute = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN
  if (!measured.includes(minute))
    throw new CliError(
      `--traffic-times ${text}: not a measured time of 2025-10-30 (${measured.map(hhmm).join(', ')})`,
    )
  return minute
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}
