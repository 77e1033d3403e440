import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAlertBook, stepObservations } from '@ioc/alerts'
import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { createRulesEngine, defaultRulesConfig } from '@ioc/rules'
import { afterAll, bench, describe } from 'vitest'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import { reportBench, tally } from './bench-report'

/**
 * What alerting costs ingest: 5,000-observation batches of the whole network committed to SQLite
 * without alerts (the baseline) and with them (the lifecycle step: rules engine and alert book; then
 * the turn persisted, alert rows and the touched subjects' engine state in the same transaction), in
 * the same run, each into its own fresh database.
 */
const BATCH = 5000
const BATCHES = 200
const network = loadNetwork()
const gauges = network.stations.filter((s) => s.kind !== 'street-flood-sensor')
const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-alerts-'))
const T0 = Date.now() - 30 * 24 * 3600_000

/** Every segment reports each minute, a jam on one in ten; gauges rise through báo động I–III. */
function batch(n: number): Observation[] {
  return Array.from({ length: BATCH }, (_, i): Observation => {
    const k = n * BATCH + i
    const observedAt = new Date(T0 + Math.floor(k / network.segments.length) * 60_000).toISOString()
    if (i % 50 === 49) {
      const stationId = gauges[k % gauges.length]?.id as string
      return { type: 'water', stationId, observedAt, value: 1.2 + ((k / 500) % 50) / 100, source: 'bench' }
    }
    const seg = k % network.segments.length
    return {
      type: 'traffic',
      segmentId: network.segments[seg]?.id as string,
      observedAt,
      speedKph: seg % 10 === 0 ? 4 : 40,
      source: 'bench',
    }
  })
}
const batches = Array.from({ length: BATCHES }, (_, n) => batch(n))

const plain = openSqliteStore(join(dir, 'plain.sqlite'))
const alerting = openSqliteStore(join(dir, 'alerting.sqlite'))
const engine = createRulesEngine(network, defaultRulesConfig())
const book = createAlertBook({ entries: [], silences: [] })
// Every touched segment's state is written, as this bench always has (the server's SQLite store skips
// the segments whose congestion did not change), so its figures compare with the earlier ones.
async function commitWithAlerts(batch: Observation[]): Promise<void> {
  const turn = stepObservations(engine, book, batch, { nowMs: Date.now(), newId: randomUUID })
  await alerting.persistTurn(turn)
  book.apply(turn.writes)
}
let plainN = 0
let alertN = 0
const baseline = tally()
const withAlerts = tally()

afterAll(async () => {
  const base = baseline.perSecond()
  const rate = withAlerts.perSecond()
  reportBench(
    'alert-ingest',
    {
      observationsPerSecond: Math.round(rate),
      baselineObservationsPerSecond: Math.round(base),
      ratioToBaseline: Number((rate / base).toFixed(3)),
    },
    [
      { name: 'Baseline# store insert, no alerts', obsPerSecond: Math.round(base), batches: plainN },
      { name: 'store insert + rules engine + alert state', obsPerSecond: Math.round(rate), batches: alertN },
    ],
  )
  await plain.close()
  await alerting.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('commit 5,000 observations', () => {
  bench(
    'Baseline# store insert, no alerts',
    () => baseline.time(BATCH, () => plain.insertObservations(batches[plainN++ % BATCHES] ?? [])),
    { time: 3000, warmupIterations: 2 },
  )
  bench(
    'store insert with alerts',
    () => withAlerts.time(BATCH, () => commitWithAlerts(batches[alertN++ % BATCHES] ?? [])),
    { time: 3000, warmupIterations: 2 },
  )
})
