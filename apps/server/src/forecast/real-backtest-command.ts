import { loadTideReports } from '@ioc/fixtures'
import {
  createTideBases,
  extremesFromReadings,
  formatRealBacktest,
  formatReconstruction,
  type ReportedLevel,
  runRealBacktest,
  scoreReconstruction,
} from '@ioc/forecast'
import { reportedLevels } from '@ioc/simulator'
import { SingleBar } from 'cli-progress'
import { CliError } from '../cli/cli-error'
import type { Config } from '../config/config'
import { openStore } from '../store/open-store'
import { measuredTrafficBacktest } from './measured-traffic-backtest'

/** The tide gauges whose recorded highs and lows join the printed ones. */
const TIDE_GAUGES = ['phu-an', 'nha-be']

/**
 * `ioc backtest --real [--from --to]`: the tide forecast judged on what the river did: the Đài KTTV Nam Bộ
 * highs, lows and peaks of fixtures/hcmc/tide-reports.json, plus the highs and lows of any gauge
 * recording imported into the store between --from and --to (simulated feeds, `sim:*`, are left out:
 * they are the model's own output). Each reported day is left out in turn; prints the tables. Then the
 * traffic forecast on the 2025-10-30 measured runs (`--traffic-times`, default every inner measured time;
 * none with `--no-traffic`).
 */
export async function realBacktestCommand(
  config: Config,
  o: { from?: string; to?: string; trafficTimes?: string; traffic?: boolean },
): Promise<void> {
  const reports: ReportedLevel[] = reportedLevels(loadTideReports())
  if (o.from !== undefined || o.to !== undefined) reports.push(...(await recordedExtremes(config, o)))
  const bar = new SingleBar({
    format: 'backtest |{bar}| {value}/{total} gauge-days left out',
    hideCursor: true,
  })
  const days = new Set(reports.map((r) => `${r.stationId} ${r.day}`)).size
  bar.start(days, 0)
  const bases = createTideBases()
  let report: ReturnType<typeof runRealBacktest>
  try {
    report = runRealBacktest(bases, reports, {
      onProgress: (done, total) => {
        bar.setTotal(total)
        bar.update(done)
      },
    })
  } finally {
    bar.stop()
  }
  process.stdout.write(`${formatRealBacktest(report)}\n\n`)
  process.stdout.write(
    `${formatReconstruction('2025-11-06', scoreReconstruction(bases, reports, '2025-11-06'))}\n\n`,
  )
  if (o.traffic !== false) process.stdout.write(`${measuredTrafficBacktest(o.trafficTimes)}\n`)
}

async function recordedExtremes(config: Config, o: { from?: string; to?: string }): Promise<ReportedLevel[]> {
  const fromMs = Date.parse(o.from ?? '')
  const toMs = Date.parse(o.to ?? '')
  if (Number.isNaN(fromMs)) throw new CliError(`--from ${o.from ?? ''}: expected an ISO 8601 time`)
  if (Number.isNaN(toMs)) throw new CliError(`--to ${o.to ?? ''}: expected an ISO 8601 time`)
  if (fromMs >= toMs) throw new CliError('--from must be before --to')
  const series = new Map<string, { atMs: number; value: number }[]>()
  const store = await openStore(config)
  try {
    for await (const page of store.observationsInRange(fromMs, toMs))
      for (const r of page) {
        if (r.type !== 'water' || !TIDE_GAUGES.includes(r.stationId) || r.source.startsWith('sim:')) continue
        const list = series.get(r.stationId) ?? []
        series.set(r.stationId, list)
        list.push({ atMs: Date.parse(r.observedAt), value: r.value })
      }
  } finally {
    await store.close()
  }
  return [...series].flatMap(([id, readings]) =>
    extremesFromReadings(
      id,
      readings.sort((a, b) => a.atMs - b.atMs),
      `store ${o.from}–${o.to}`,
    ),
  )
}
