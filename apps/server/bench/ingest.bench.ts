import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadNetwork } from '@ioc/fixtures'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, bench, describe } from 'vitest'
import { hashToken, newToken } from '../src/auth/tokens'
import { loadConfig } from '../src/config/config'
import { type RunningServer, startServer } from '../src/server'
import { migrate } from '../src/store/sqlite/migrations'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import { reportBench, tally } from './bench-report'

/**
 * Ingest throughput: NDJSON batches of 5,000 real-network observations over HTTP on loopback into
 * SQLite, against the limit: raw better-sqlite3 inserts of the same rows into the same schema with the
 * same durability (WAL, synchronous=FULL, one transaction per 5,000), in the same run.
 */
const BATCH = 5000
const network = loadNetwork()
const gauges = network.stations.filter((s) => s.kind !== 'street-flood-sensor')
const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-ingest-'))
const T0 = Date.now() - 30 * 24 * 3600_000

/** Batch n: 95% traffic over the segments, 5% gauge levels; every row at its own time, so all are new. */
function rows(n: number) {
  return Array.from({ length: BATCH }, (_, i) => ({ i, at: T0 + (n * BATCH + i) * 10 })).map(({ i, at }) =>
    i % 20 === 19
      ? {
          type: 'water' as const,
          stationId: gauges[i % gauges.length]?.id as string,
          at,
          value: 1 + (i % 50) / 100,
        }
      : {
          type: 'traffic' as const,
          segmentId: network.segments[(n * BATCH + i) % network.segments.length]?.id as string,
          at,
          speedKph: 5 + (i % 60),
        },
  )
}
function body(n: number): string {
  let out = ''
  for (const r of rows(n)) {
    const observedAt = new Date(r.at).toISOString()
    out +=
      r.type === 'traffic'
        ? `{"type":"traffic","segmentId":"${r.segmentId}","observedAt":"${observedAt}","speedKph":${r.speedKph},"source":"bench"}\n`
        : `{"type":"water","stationId":"${r.stationId}","observedAt":"${observedAt}","value":${r.value},"source":"bench"}\n`
  }
  return out
}

let server: RunningServer
let key: string
let raw: Database.Database
let insertRaw: () => void
let httpBatch = 0
let rawBatch = 0
const http = tally()
const baseline = tally()
// Bodies are built ahead, outside the timing (maplibre's bench README: keep setup out of the timing).
const bodies: string[] = []

beforeAll(async () => {
  for (let n = 0; n < 120; n++) bodies.push(body(n))
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: join(dir, 'server'),
    LOG_LEVEL: 'silent',
    IOC_ADMIN_PASSWORD: 'bench admin password',
  })
  key = newToken('ingest-key')
  const seed = openSqliteStore(join(config.dataDir, 'ioc.sqlite'))
  await seed.createToken({ kind: 'ingest-key', name: 'bench', tokenHash: hashToken(key), createdAt: 0 })
  await seed.close()
  server = await startServer(config, network)

  raw = new Database(join(dir, 'raw.sqlite'))
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = FULL')
  migrate(raw)
  const t = raw.prepare(
    'INSERT INTO traffic (subject, observed_at, source, speed_kph) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  )
  const w = raw.prepare(
    'INSERT INTO water (subject, observed_at, source, value) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  )
  const prepared = Array.from({ length: 120 }, (_, n) => rows(n))
  insertRaw = raw.transaction(() => {
    for (const r of prepared[rawBatch++ % prepared.length] ?? []) {
      if (r.type === 'traffic') t.run(r.segmentId, r.at, 'bench', r.speedKph)
      else w.run(r.stationId, r.at, 'bench', r.value)
    }
  })
})

afterAll(async () => {
  const httpRate = http.perSecond()
  const rawRate = baseline.perSecond()
  reportBench(
    'ingest',
    {
      target: { observationsPerSecond: 100_000, ratioToRaw: 0.5 },
      observationsPerSecond: Math.round(httpRate),
      rawObservationsPerSecond: Math.round(rawRate),
      ratioToRaw: Number((httpRate / rawRate).toFixed(3)),
    },
    [
      {
        name: 'Baseline# raw better-sqlite3 insert, 5,000/txn',
        obsPerSecond: Math.round(rawRate),
        batches: rawBatch,
      },
      { name: 'HTTP NDJSON ingest, 5,000/batch', obsPerSecond: Math.round(httpRate), batches: httpBatch },
    ],
  )
  await server.close()
  raw.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('ingest 5,000 observations', () => {
  bench('Baseline# raw better-sqlite3 insert', () => baseline.time(BATCH, () => insertRaw()), {
    time: 3000,
    warmupIterations: 2,
  })

  bench(
    'HTTP NDJSON ingest',
    () =>
      http.time(BATCH, async () => {
        const n = httpBatch++
        if (n >= bodies.length) throw new Error('bench ran out of prepared batches; raise the count')
        const res = await fetch(`${server.url}/api/v1/observations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
          body: bodies[n],
        })
        const r = (await res.json()) as { accepted: number }
        if (r.accepted !== BATCH) throw new Error(`stored ${r.accepted} of ${BATCH}: ${JSON.stringify(r)}`)
      }),
    { time: 3000, warmupIterations: 2 },
  )
})
