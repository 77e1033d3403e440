import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { createClient } from 'redis'
import { io as connect } from 'socket.io-client'
import { afterAll, bench, describe } from 'vitest'
import { hashToken, newToken } from '../src/auth/tokens'
import { loadConfig } from '../src/config/config'
import { type RunningServer, startServer } from '../src/server'
import { openStore } from '../src/store/open-store'
import { createTempSchema } from '../src/store/postgres/temp-schema'
import type { Store } from '../src/store/store'
import { percentile, reportBench } from './bench-report'

/**
 * Scaling out, measured in one run on the same rows:
 * - ingest into PostgreSQL beside SQLite: the store alone (5,000 rows per transaction) and the whole
 *   HTTP path (validation, rules engine, commit), each into a fresh database;
 * - one instance against two (PostgreSQL + Redis): ingest throughput with two feeds, and how long a
 *   reading takes from its ingest answer to a live client of the other instance.
 */
const BATCH = 5000
const BATCHES = 24
const network = loadNetwork()
const gauges = network.stations.filter((s) => s.kind !== 'street-flood-sensor')
const T0 = Date.now() - 20 * 24 * 3600_000
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const cleanups: (() => Promise<void>)[] = []
const figures: Record<string, number> = {}
const latencies: Record<string, number[]> = {}

/** Batch n of a series: 95% traffic over the segments, 5% gauge levels, every row at its own time. */
function batch(series: number, n: number): Observation[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const at = new Date(T0 + series * 3600_000 + (n * BATCH + i) * 10).toISOString()
    return i % 20 === 19
      ? {
          type: 'water',
          stationId: gauges[i % gauges.length]?.id as string,
          observedAt: at,
          value: 1 + (i % 50) / 100,
          source: 'bench',
        }
      : {
          type: 'traffic',
          segmentId: network.segments[(n * BATCH + i) % network.segments.length]?.id as string,
          observedAt: at,
          speedKph: 5 + (i % 60),
          source: 'bench',
        }
  })
}
const ndjson = (obs: readonly Observation[]) => `${obs.map((o) => JSON.stringify(o)).join('\n')}\n`

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

/** Starts `count` instances on one database (and Redis when more than one) with an ingest key and display token. */
async function instances(kind: 'sqlite' | 'postgres', count: number) {
  const db = await database(kind)
  const prefix = `ioc-bench-${Math.random().toString(16).slice(2, 10)}`
  const key = newToken('ingest-key')
  const display = newToken('display')
  const seed: Store = await openStore(loadConfig(db))
  await seed.createToken({ kind: 'ingest-key', name: 'bench', tokenHash: hashToken(key), createdAt: 0 })
  await seed.createToken({ kind: 'display', name: 'bench', tokenHash: hashToken(display), createdAt: 0 })
  await seed.close()
  const servers: RunningServer[] = []
  for (let i = 0; i < count; i++) {
    const env = {
      PORT: '0',
      LOG_LEVEL: 'silent',
      LIVE_TICK_MS: '100',
      IOC_ADMIN_PASSWORD: 'bench admin password',
      ...db,
    }
    const clustered = count > 1 ? { REDIS_URL, REDIS_PREFIX: prefix, INSTANCE_ID: `bench-${i}` } : {}
    servers.push(await startServer(loadConfig({ ...env, ...clustered }), network))
  }
  cleanups.push(async () => {
    await Promise.all(servers.map((s) => s.close()))
    if (count > 1) {
      const redis = createClient({ url: REDIS_URL })
      await redis.connect()
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length) await redis.del(keys)
      await redis.close()
    }
  })
  const ingest = async (url: string, obs: readonly Observation[]) => {
    const res = await fetch(`${url}/api/v1/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: ndjson(obs),
    })
    if (!res.ok) throw new Error(`ingest ${res.status}: ${await res.text()}`)
  }
  return { urls: servers.map((s) => s.url), display, ingest }
}

/** Observations/s through HTTP with two feeds, spread over the instances round robin. */
async function httpIngest(kind: 'sqlite' | 'postgres', count: number): Promise<number> {
  const { urls, ingest } = await instances(kind, count)
  const feeds = [0, 1].map((f) => Array.from({ length: BATCHES / 2 }, (_, n) => batch(f + 1, n)))
  const started = performance.now()
  await Promise.all(
    feeds.map(async (bodies, f) => {
      for (const b of bodies) await ingest(urls[f % urls.length] as string, b)
    }),
  )
  return (BATCHES * BATCH * 1000) / (performance.now() - started)
}

/** Ms from the ingest answer (one reading, through the first instance) to a client of the last one. */
async function deliveryLatency(count: number): Promise<number[]> {
  const { urls, display, ingest } = await instances('postgres', count)
  const socket = connect(urls.at(-1) as string, { transports: ['websocket'], auth: { token: display } })
  await new Promise((r) => socket.once('state:snapshot', r))
  const out: number[] = []
  for (let k = 0; k < 40; k++) {
    const seg = 1 + k
    const got = new Promise<number>((resolve) => {
      const on = (d: { traffic: { segmentIdx: number[] } }) => {
        if (!d.traffic.segmentIdx.includes(seg)) return
        socket.off('state:delta', on)
        resolve(performance.now())
      }
      socket.on('state:delta', on)
    })
    const o: Observation = {
      type: 'traffic',
      segmentId: network.segments[seg]?.id as string,
      observedAt: new Date(Date.now() - 60_000 + k).toISOString(),
      speedKph: k,
      source: 'bench',
    }
    await ingest(urls[0] as string, [o])
    const answered = performance.now()
    out.push(Math.max(0, (await got) - answered))
  }
  socket.disconnect()
  return out
}

afterAll(async () => {
  const stats = (xs: number[] = []) => {
    const s = xs.toSorted((a, b) => a - b)
    return { p50Ms: Math.round(percentile(s, 50)), p99Ms: Math.round(percentile(s, 99)) }
  }
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
  reportBench(
    'scale-instances',
    {
      database: 'postgres',
      twoToOneIngest: Number(((figures.twoHttp ?? 0) / (figures.pgHttp ?? 1)).toFixed(2)),
    },
    [
      { name: 'Baseline# one instance, two feeds', obsPerSecond: r(figures.pgHttp), ...stats(latencies.one) },
      {
        name: 'two instances (Redis), one feed each',
        obsPerSecond: r(figures.twoHttp),
        ...stats(latencies.two),
      },
    ],
  )
  for (const c of cleanups.reverse()) await c()
})

const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 }
describe(`scaling out: ${BATCHES} batches of ${BATCH.toLocaleString('en')} observations`, () => {
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
      figures.sqliteHttp = await httpIngest('sqlite', 1)
    },
    once,
  )
  bench(
    'PostgreSQL server HTTP ingest (one instance)',
    async () => {
      figures.pgHttp = await httpIngest('postgres', 1)
      latencies.one = await deliveryLatency(1)
    },
    once,
  )
  bench(
    'PostgreSQL + Redis, two instances',
    async () => {
      figures.twoHttp = await httpIngest('postgres', 2)
      latencies.two = await deliveryLatency(2)
    },
    once,
  )
})
