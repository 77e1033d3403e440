import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { afterAll, bench, describe } from 'vitest'
import { hashToken, newToken } from '../src/auth/tokens'
import { loadConfig } from '../src/config/config'
import { type RunningServer, startServer } from '../src/server'
import { openStore } from '../src/store/open-store'
import { createTempSchema } from '../src/store/postgres/temp-schema'
import type { Store } from '../src/store/store'
import { reportBench } from './bench-report'
import { ndjson, networkBatch } from './network-batches'

/**
 * Ingest into PostgreSQL beside SQLite, measured in one run on the same rows: the store alone (5,000
 * rows per transaction) and the whole HTTP path of one instance (validation, rules engine, commit),
 * each into a fresh database. Several instances are measured as processes of their own in
 * scale-instances.bench.ts.
 */
const BATCH = 5000
const BATCHES = 24
const network = loadNetwork()
const cleanups: (() => Promise<void>)[] = []
const figures: Record<string, number> = {}
const batch = (series: number, n: number) => networkBatch(network, series, n, BATCH)

/** A database for one measurement: a SQLite file or a PostgreSQL schema of its own. */
async function database(kind: 'sqlite' | 'postgres'): Promise<{ DATA_DIR: string; DATABASE_URL?: string }> {
  const dir = mkdtempSync(join(tmpdir(), `ioc-bench-scale-${kind}-`))
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  if (kind === 'sqlite') return { DATA_DIR: dir }
  const schema = await createTempSchema('bench')
  cleanups.push(() => schema.drop())
  return { DATA_DIR: dir, DATABASE_URL: schema.url }
}

async function storeInsert(kind: 'sqlite' | 'postgres'): Promise<number> {
  const db = await database(kind)
  const store = await openStore(loadConfig(db))
  const bodies = Array.from({ length: BATCHES }, (_, n) => batch(0, n))
  const started = performance.now()
  for (const b of bodies) await store.insertObservations(b)
  const rate = (BATCHES * BATCH * 1000) / (performance.now() - started)
  await store.close()
  return rate
}

/** Starts one instance on its own database with an ingest key. */
async function instance(kind: 'sqlite' | 'postgres') {
  const db = await database(kind)
  const key = newToken('ingest-key')
  const seed: Store = await openStore(loadConfig(db))
  await seed.createToken({ kind: 'ingest-key', name: 'bench', tokenHash: hashToken(key), createdAt: 0 })
  await seed.close()
  const env = { PORT: '0', LOG_LEVEL: 'silent', IOC_ADMIN_PASSWORD: 'bench admin password', ...db }
  const server: RunningServer = await startServer(loadConfig(env), network)
  cleanups.push(() => server.close())
  const ingest = async (obs: readonly Observation[]) => {
    const res = await fetch(`${server.url}/api/v1/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: ndjson(obs),
    })
    if (!res.ok) throw new Error(`ingest ${res.status}: ${await res.text()}`)
  }
  return ingest
}

/** Observations/s through HTTP with two feeds into one instance. */
async function httpIngest(kind: 'sqlite' | 'postgres'): Promise<number> {
  const ingest = await instance(kind)
  const feeds = [0, 1].map((f) => Array.from({ length: BATCHES / 2 }, (_, n) => batch(f + 1, n)))
  const started = performance.now()
  await Promise.all(
    feeds.map(async (bodies) => {
      for (const b of bodies) await ingest(b)
    }),
  )
  return (BATCHES * BATCH * 1000) / (performance.now() - started)
}

afterAll(async () => {
  const r = (x: number | undefined) => Math.round(x ?? Number.NaN)
  reportBench(
    'scale-ingest',
    {
      rowsPerBatch: BATCH,
      batches: BATCHES,
      postgresToSqliteStore: Number(((figures.pgStore ?? 0) / (figures.sqliteStore ?? 1)).toFixed(2)),
      postgresToSqliteHttp: Number(((figures.pgHttp ?? 0) / (figures.sqliteHttp ?? 1)).toFixed(2)),
    },
    [
      { name: 'Baseline# SQLite store insert, 5,000/txn', obsPerSecond: r(figures.sqliteStore) },
      { name: 'PostgreSQL store insert, 5,000/txn (COPY, rollups queued)', obsPerSecond: r(figures.pgStore) },
      { name: 'Baseline# SQLite server, HTTP NDJSON ingest', obsPerSecond: r(figures.sqliteHttp) },
      { name: 'PostgreSQL server, HTTP NDJSON ingest', obsPerSecond: r(figures.pgHttp) },
    ],
  )
  for (const c of cleanups.reverse()) await c()
})

const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 }
describe(`PostgreSQL beside SQLite: ${BATCHES} batches of ${BATCH.toLocaleString('en')} observations`, () => {
  bench(
    'Baseline# SQLite store insert',
    async () => {
      figures.sqliteStore = await storeInsert('sqlite')
    },
    once,
  )
  bench(
    'PostgreSQL store insert',
    async () => {
      figures.pgStore = await storeInsert('postgres')
    },
    once,
  )
  bench(
    'Baseline# SQLite server HTTP ingest',
    async () => {
      figures.sqliteHttp = await httpIngest('sqlite')
    },
    once,
  )
  bench(
    'PostgreSQL server HTTP ingest',
    async () => {
      figures.pgHttp = await httpIngest('postgres')
    },
    once,
  )
})
