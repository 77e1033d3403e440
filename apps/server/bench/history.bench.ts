import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { computeReport, type ReportInput } from '@ioc/reports'
import { defaultRulesConfig, waterReleaseMarginM } from '@ioc/rules'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, bench, describe } from 'vitest'
import { readGaugeReadings } from '../src/reports/report-routes'
import { type BucketRow, bucketPoints, readingPoints } from '../src/store/rows/observation-rows'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import type { HistoryQuery, Store } from '../src/store/store'
import { percentile, reportBench } from './bench-report'

/**
 * Long history with a year of data in SQLite: the four gauges of the network every minute and the
 * 69 street flood sensors every 10 minutes from the calibrated simulator's year (tides with king tides,
 * surges, afternoon storms), 5.7 million readings. Each candidate — the store's history, reading the
 * rollups — runs against its baseline in the same run: the raw query the store made before rollups
 * (a count, then buckets averaged from every raw reading), and the month's report made from it.
 */
const network = loadNetwork()
const rules = defaultRulesConfig()
const YEAR_FROM = Date.parse('2025-11-01T00:00:00+07:00')
const DAY = 86_400_000
const MONTH = { from: Date.parse('2026-06-01T00:00:00+07:00'), to: Date.parse('2026-07-01T00:00:00+07:00') }
const YEAR = { from: YEAR_FROM, to: YEAR_FROM + 365 * DAY }
const GAUGE = 'phu-an'
/** What the web's history chart asks for (query-params.ts default). */
const CHART_POINTS = 1000

const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-history-'))
let store: Store
let raw: Database.Database
let loaded = 0

function* yearOfReadings(): Generator<Observation> {
  const { scenario } = loadScenario('month-2025-11')
  const year = {
    ...scenario,
    to: new Date(YEAR.to).toISOString(),
    traffic: { ...scenario.traffic, segmentIds: [] },
    water: { ...scenario.water, intervalS: 60 },
  }
  const gauges = new Set(network.stations.filter((s) => s.kind !== 'street-flood-sensor').map((s) => s.id))
  for (const o of generateObservations(year, loadWorld())) {
    if (o.type !== 'water') continue
    if (gauges.has(o.stationId) || (Date.parse(o.observedAt) / 60_000) % 10 === 0) yield o
  }
}

/** The history query of the store before rollups, on its own connection to the same file. */
function rawHistory(db: Database.Database) {
  const subjectOf = db.prepare("SELECT id FROM subjects WHERE type = 'water' AND name = ?").pluck()
  const count = db
    .prepare(
      'SELECT COUNT(*) FROM subject_readings WHERE subject = ? AND observed_at >= ? AND observed_at < ?',
    )
    .pluck()
  const rows = db.prepare(
    `SELECT observed_at, value AS v FROM subject_readings WHERE subject = ? AND observed_at >= ? AND observed_at < ?
     ORDER BY observed_at, source`,
  )
  const buckets = db.prepare(
    `SELECT (observed_at - CAST(@fromMs AS INTEGER)) / CAST(@bucketMs AS INTEGER) AS b, AVG(value) AS mean,
       MIN(value) AS lo, MAX(value) AS hi, COUNT(*) AS n
     FROM subject_readings WHERE subject = @subject AND observed_at >= @fromMs AND observed_at < @toMs
     GROUP BY b ORDER BY b`,
  )
  return ({ subjectId, fromMs, toMs, maxPoints }: Omit<HistoryQuery, 'type'>) => {
    const subject = subjectOf.get(subjectId) as number
    if ((count.get(subject, fromMs, toMs) as number) <= maxPoints) {
      const r = rows.all(subject, fromMs, toMs) as { observed_at: number; v: number }[]
      return { bucketMs: null, points: readingPoints(r) }
    }
    const bucketMs = Math.ceil((toMs - fromMs) / maxPoints)
    const b = buckets.all({ subject, fromMs, toMs, bucketMs }) as BucketRow[]
    return { bucketMs, points: bucketPoints(b, fromMs, bucketMs) }
  }
}
let rawQuery: ReturnType<typeof rawHistory>

const report = (gaugeReadings: ReportInput['gaugeReadings'], alerts: ReportInput['alerts']) =>
  computeReport({
    fromMs: MONTH.from,
    toMs: MONTH.to,
    nowMs: MONTH.to,
    ackTargetMs: 600_000,
    alerts,
    gaugeReadings,
    network,
    releaseMarginM: (stationId) => waterReleaseMarginM(rules, stationId),
    citizenReports: [],
    incidents: [],
  })

/** The report route's work, with the gauges read as it read them before rollups (10,000 raw points). */
async function rawReport() {
  const alerts = await store.listAlerts({ state: 'all', from: MONTH.from - 7 * DAY, to: MONTH.to })
  const readings = new Map<string, { atMs: number; value: number }[]>()
  for (const g of network.stations) {
    if (g.kind === 'street-flood-sensor') continue
    const h = rawQuery({ subjectId: g.id, fromMs: MONTH.from, toMs: MONTH.to, maxPoints: 10_000 })
    readings.set(
      g.id,
      h.points.map((p) => ({ atMs: p.observedAt, value: h.bucketMs === null ? p.value : p.max })),
    )
  }
  return report(readings, alerts)
}
async function rollupReport() {
  const alerts = await store.listAlerts({ state: 'all', from: MONTH.from - 7 * DAY, to: MONTH.to })
  return report(await readGaugeReadings(store, network, MONTH.from, MONTH.to), alerts)
}

const timings = new Map<string, number[]>()
async function timed(name: string, fn: () => unknown): Promise<void> {
  const t = performance.now()
  await fn()
  const list = timings.get(name) ?? []
  list.push(performance.now() - t)
  timings.set(name, list)
}

beforeAll(async () => {
  store = openSqliteStore(join(dir, 'ioc.sqlite'))
  let batch: Observation[] = []
  for (const o of yearOfReadings()) {
    batch.push(o)
    if (batch.length === 5000) {
      loaded += (await store.insertObservations(batch)).accepted
      batch = []
    }
  }
  loaded += (await store.insertObservations(batch)).accepted
  // Index and fold the last run before any timing.
  await store.history({ type: 'water', subjectId: GAUGE, fromMs: 0, toMs: 1, maxPoints: 1 })
  raw = new Database(join(dir, 'ioc.sqlite'), { readonly: true })
  rawQuery = rawHistory(raw)
}, 1_800_000)

afterAll(async () => {
  const p = (name: string, q: number) =>
    percentile(
      (timings.get(name) ?? []).toSorted((a, b) => a - b),
      q,
    )
  const pairs = [
    ['month of one gauge', 'Baseline# raw query: a month of one gauge', 'rollups: a month of one gauge'],
    ['year of one gauge', 'Baseline# raw query: a year of one gauge', 'rollups: a year of one gauge'],
    ['report over a month', 'Baseline# report over a month from raw readings', 'report over a month'],
  ] as const
  const rows = pairs.flatMap(([, base, cand]) =>
    [base, cand].map((name) => ({
      name,
      p50Ms: Number(p(name, 50).toFixed(2)),
      p99Ms: Number(p(name, 99).toFixed(2)),
      runs: timings.get(name)?.length ?? 0,
    })),
  )
  reportBench(
    'history',
    {
      target: { p99Ms: 200 },
      readingsLoaded: loaded,
      ...Object.fromEntries(
        pairs.map(([key, base, cand]) => [
          key,
          {
            p50Ms: Number(p(cand, 50).toFixed(2)),
            speedupP50: Number((p(base, 50) / p(cand, 50)).toFixed(1)),
          },
        ]),
      ),
    },
    rows,
  )
  raw.close()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const opts = { time: 2000, warmupIterations: 3 }
const month = { subjectId: GAUGE, fromMs: MONTH.from, toMs: MONTH.to, maxPoints: CHART_POINTS }
const year = { subjectId: GAUGE, fromMs: YEAR.from, toMs: YEAR.to, maxPoints: CHART_POINTS }

describe('history: a month of one gauge, with a year loaded', () => {
  bench(
    'Baseline# raw query: a month of one gauge',
    () => timed('Baseline# raw query: a month of one gauge', () => rawQuery(month)),
    opts,
  )
  bench(
    'rollups: a month of one gauge',
    () => timed('rollups: a month of one gauge', () => store.history({ type: 'water', ...month })),
    opts,
  )
})

describe('history: a year of one gauge', () => {
  bench(
    'Baseline# raw query: a year of one gauge',
    () => timed('Baseline# raw query: a year of one gauge', () => rawQuery(year)),
    opts,
  )
  bench(
    'rollups: a year of one gauge',
    () => timed('rollups: a year of one gauge', () => store.history({ type: 'water', ...year })),
    opts,
  )
})

describe('report over a month', () => {
  bench(
    'Baseline# report over a month from raw readings',
    () => timed('Baseline# report over a month from raw readings', rawReport),
    opts,
  )
  bench('report over a month', () => timed('report over a month', rollupReport), opts)
})
