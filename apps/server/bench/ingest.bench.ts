import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Observation } from '@ioc/domain'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, bench, describe } from 'vitest'
import { hashToken, newToken } from '../src/auth/tokens'
import { migrate } from '../src/store/sqlite/migrations'
import { INDEX_RUN, pendingIndexRun } from '../src/store/sqlite/sqlite-observations'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import { serveProcess } from '../test/serve-process'
import { reportBench, tally } from './bench-report'

/**
 * Ingest throughput: NDJSON batches of 5,000 observations over HTTP on loopback into SQLite, against the
 * limit: raw better-sqlite3 inserts of the same rows into the same schema with the same durability (WAL,
 * synchronous=FULL, one transaction per 5,000), in the same run. The rows are the king-tide day's feed
 * from the calibrated simulator, every segment every 5 minutes and the gauges and street sensors, so
 * the rules engine does the work a real feed gives it (congestion building and clearing, báo động).
 */
const BATCH = 5000
const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-ingest-'))
const world = loadWorld()
const kingTide = loadScenario('king-tide-2025-11-06').scenario
// Run on for three days (4.9 M readings): a fast run of both benches outgrows the one day.
const scenario = { ...kingTide, to: new Date(Date.parse(kingTide.from) + 3 * 86_400_000).toISOString() }

function* batches(): Generator<Observation[]> {
  let batch: Observation[] = []
  for (const o of generateObservations(scenario, world)) {
    batch.push(o)
    if (batch.length === BATCH) {
      yield batch
      batch = []
    }
  }
  throw new Error('the bench ran past the end of the scenario; use a longer one')
}
const httpBatches = batches()
const rawBatches = batches()
const next = (g: Generator<Observation[]>) => g.next().value as Observation[]

const children: ChildProcess[] = []
let url: string
let key: string
let raw: Database.Database
let insertRaw: (n: number) => Promise<void>
let rawBatch = 0
const FEEDS = 4
const oneFeed = tally()
const fourFeeds = tally()
const baseline = tally()

beforeAll(async () => {
  key = newToken('ingest-key')
  const seed = openSqliteStore(join(dir, 'server', 'ioc.sqlite'))
  await seed.createToken({ kind: 'ingest-key', name: 'bench', tokenHash: hashToken(key), createdAt: 0 })
  await seed.close()
  // The server runs as its own process, as it does for a feed: the client's work is not counted in it.
  ;({ url } = await serveProcess(
    {
      PORT: '0',
      DATA_DIR: join(dir, 'server'),
      LOG_LEVEL: 'info',
      IOC_ADMIN_PASSWORD: 'bench admin password',
    },
    children,
  ))

  raw = new Database(join(dir, 'raw.sqlite'))
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = FULL')
  migrate(raw)
  // The ids the store would give, assigned ahead: the limit is the row writes alone.
  const subjectIds = new Map<string, number>()
  const subjectId = (name: string) => subjectIds.get(name) ?? subjectIds.set(name, subjectIds.size + 1).size
  const t = raw.prepare(
    `INSERT INTO traffic (observed_at, subject, source, speed_kph, flow_vph, occupancy_pct)
     VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING`,
  )
  const w = raw.prepare(
    'INSERT INTO water (observed_at, subject, source, value) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING',
  )
  // The store's subject index run at the same interval, so the limit keeps the rows the same way.
  const index = pendingIndexRun(raw)
  type RawRow = [
    traffic: boolean,
    atMs: number,
    subject: number,
    value: number,
    flow: number | null,
    occ: number | null,
  ]
  const insert = raw.transaction((rows: RawRow[]) => {
    for (const [traffic, atMs, subject, value, flow, occ] of rows) {
      if (traffic) t.run(atMs, subject, value, flow, occ)
      else w.run(atMs, subject, value)
    }
  })
  insertRaw = (n) => {
    const rows = next(rawBatches).map(
      (o): RawRow =>
        o.type === 'traffic'
          ? [
              true,
              Date.parse(o.observedAt),
              subjectId(o.segmentId),
              o.speedKph,
              o.flowVph ?? null,
              o.occupancyPct ?? null,
            ]
          : [false, Date.parse(o.observedAt), subjectId(o.stationId), o.value, null, null],
    )
    return baseline.time(BATCH, () => {
      insert(rows)
      if (((n + 1) * BATCH) % INDEX_RUN === 0) index()
    })
  }
  // Starting a server process on a loaded two-core machine can take longer than the default 10 s.
}, 120_000)

afterAll(async () => {
  const rawRate = baseline.perSecond()
  const rate = fourFeeds.perSecond()
  const oneFeedRate = oneFeed.perSecond()
  reportBench(
    'ingest',
    {
      target: { observationsPerSecond: 100_000, ratioToRaw: 0.5 },
      observationsPerSecond: Math.round(rate),
      rawObservationsPerSecond: Math.round(rawRate),
      ratioToRaw: Number((rate / rawRate).toFixed(3)),
      oneFeed: {
        observationsPerSecond: Math.round(oneFeedRate),
        ratioToRaw: Number((oneFeedRate / rawRate).toFixed(3)),
      },
    },
    [
      {
        name: 'Baseline# raw better-sqlite3 insert, 5,000/txn',
        obsPerSecond: Math.round(rawRate),
        batches: rawBatch,
      },
      {
        name: 'HTTP NDJSON ingest, 5,000/batch, one feed',
        obsPerSecond: Math.round(oneFeedRate),
        batches: oneFeed.units / BATCH,
      },
      {
        name: `HTTP NDJSON ingest, 5,000/batch, ${FEEDS} feeds at once`,
        obsPerSecond: Math.round(rate),
        batches: fourFeeds.units / BATCH,
      },
    ],
  )
  for (const c of children) c.kill('SIGTERM')
  raw.close()
  rmSync(dir, { recursive: true, force: true })
})

const postBatch = async (body: string) => {
  const res = await fetch(`${url}/api/v1/observations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    body,
  })
  const r = (await res.json()) as { accepted: number }
  if (r.accepted !== BATCH) throw new Error(`stored ${r.accepted} of ${BATCH}: ${JSON.stringify(r)}`)
}
const ndjson = (batch: Observation[]) => batch.map((o) => JSON.stringify(o)).join('\n')

/**
 * `feeds` feeds, each posting its next batch as soon as the last one is stored; the batches are built
 * before the timing starts.
 */
function postFromFeeds(into: ReturnType<typeof tally>, feeds: number, batchesEach: number) {
  const bodies = Array.from({ length: feeds }, () =>
    Array.from({ length: batchesEach }, () => ndjson(next(httpBatches))),
  )
  return into.time(feeds * batchesEach * BATCH, () =>
    Promise.all(
      bodies.map(async (feed) => {
        for (const body of feed) await postBatch(body)
      }),
    ),
  )
}

// Each batch is built before its timing starts (maplibre's bench README: keep setup out of the timing).
describe('ingest 5,000 observations', () => {
  bench('Baseline# raw better-sqlite3 insert', () => insertRaw(rawBatch++), {
    time: 3000,
    warmupIterations: 2,
  })

  bench('HTTP NDJSON ingest, one feed', () => postFromFeeds(oneFeed, 1, 1), {
    time: 3000,
    warmupIterations: 2,
  })

  // A city's feeds (traffic providers, gauges, flood sensors) post independently of each other.
  bench('HTTP NDJSON ingest, 4 feeds at once', () => postFromFeeds(fourFeeds, FEEDS, 8), {
    time: 3000,
    warmupIterations: 1,
  })
})
