import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StateDelta } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { Server } from 'socket.io'
import { afterAll, bench, describe } from 'vitest'
import { hashToken, newToken } from '../src/auth/tokens'
import { loadConfig } from '../src/config/config'
import { startServer } from '../src/server'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import { percentile, reportBench } from './bench-report'
import { latencies, now, startClients } from './client-threads'

/**
 * Fan-out: 100 Socket.IO clients on the live feed while 20,000 observations/s are ingested (a batch of
 * 2,000 every 100 ms). Latency runs from the ingest answer to a client receiving the delta that holds
 * the batch. The limit, measured in the same run: a bare Socket.IO server emitting delta-sized messages
 * on the same 100 ms tick to 100 clients, timed from when each message's data was ready.
 */
const CLIENTS = 100
const PER_BATCH = 2000
const BATCH_EVERY_MS = 100
const RUN_MS = 5000
/**
 * Batches sent first and not measured, in both runs: a fresh process spends its first second compiling
 * (its first ten batches took up to 320 ms, every later one under 90 ms), and with 100 samples a batch,
 * those few set the p99 of the whole run.
 */
const WARMUP_BATCHES = 10
const BATCHES = WARMUP_BATCHES + RUN_MS / BATCH_EVERY_MS
const TICK_MS = 100
const network = loadNetwork()
const results: Record<string, number[]> = {}
let ingestRate = 0

async function fanoutIoc(): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-fanout-'))
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    LIVE_TICK_MS: String(TICK_MS),
    IOC_ADMIN_PASSWORD: 'bench admin password',
  })
  const key = newToken('ingest-key')
  const display = newToken('display')
  const seed = openSqliteStore(join(dir, 'ioc.sqlite'))
  await seed.createToken({ kind: 'ingest-key', name: 'bench', tokenHash: hashToken(key), createdAt: 0 })
  await seed.createToken({ kind: 'display', name: 'bench', tokenHash: hashToken(display), createdAt: 0 })
  await seed.close()
  const server = await startServer(config, network)
  const clients = await startClients(server.url, { token: display }, CLIENTS)
  const answeredAt = new Map<number, number>()
  const t0 = Date.now() - 3600_000
  const bodies = Array.from({ length: BATCHES }, (_, k) => {
    const at = new Date(t0 + k * 1000).toISOString()
    let body = `{"type":"traffic","segmentId":"${network.segments[0]?.id}","observedAt":"${at}","speedKph":${k},"source":"bench"}\n`
    for (let i = 1; i < PER_BATCH; i++) {
      const seg = network.segments[1 + ((k * PER_BATCH + i) % (network.segments.length - 1))]?.id
      body += `{"type":"traffic","segmentId":"${seg}","observedAt":"${at}","speedKph":${i % 80},"source":"bench"}\n`
    }
    return body
  })
  const started = now()
  await Promise.all(
    bodies.map(async (body, k) => {
      await new Promise((r) => setTimeout(r, k * BATCH_EVERY_MS))
      const res = await fetch(`${server.url}/api/v1/observations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
        body,
      })
      if (!res.ok) throw new Error(`ingest ${res.status}: ${await res.text()}`)
      if (k >= WARMUP_BATCHES) answeredAt.set(k, now())
    }),
  )
  ingestRate = (bodies.length * PER_BATCH * 1000) / (now() - started)
  await new Promise((r) => setTimeout(r, 3 * TICK_MS))
  const { received } = await clients.stop()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  return latencies(received, answeredAt).ms
}

async function fanoutBare(): Promise<number[]> {
  const http = createServer()
  const io = new Server(http)
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r))
  io.on('connection', (s) => s.join('live'))
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const clients = await startClients(url, {}, CLIENTS)
  const readyAt = new Map<number, number>()
  // The same shape and size as a delta of one batch.
  const idx = Array.from({ length: PER_BATCH }, (_, i) => i)
  let pending: number | undefined
  let k = 0
  const produce = setInterval(() => {
    if (k >= WARMUP_BATCHES) readyAt.set(k, now())
    pending = k++
  }, BATCH_EVERY_MS)
  let seq = 0
  const tick = setInterval(() => {
    if (pending === undefined) return
    const marker = pending
    pending = undefined
    const delta: StateDelta = {
      networkVersion: network.version,
      seq: ++seq,
      clock: Date.now(),
      traffic: {
        segmentIdx: idx,
        speedKph: idx.map((i) => (i === 0 ? marker : i % 80)),
        observedAt: idx.map(() => Date.now()),
      },
      water: { stationIdx: [], value: [], observedAt: [] },
    }
    io.to('live').emit('state:delta', delta)
  }, TICK_MS)
  await new Promise((r) => setTimeout(r, BATCHES * BATCH_EVERY_MS))
  clearInterval(produce)
  await new Promise((r) => setTimeout(r, 3 * TICK_MS))
  clearInterval(tick)
  const { received } = await clients.stop()
  await new Promise<void>((r) => io.close(() => r()))
  return latencies(received, readyAt).ms
}

afterAll(() => {
  const stats = (xs: number[]) => {
    const s = xs.toSorted((a, b) => a - b)
    return {
      samples: s.length,
      p50: Math.round(percentile(s, 50)),
      p99: Math.round(percentile(s, 99)),
      max: Math.round(s.at(-1) ?? 0),
    }
  }
  const ioc = stats(results.ioc ?? [])
  const bare = stats(results.bare ?? [])
  reportBench(
    'fanout',
    {
      clients: CLIENTS,
      target: { p99Ms: 150 },
      ingestObservationsPerSecond: Math.round(ingestRate),
      p99Ms: ioc.p99,
      bareP99Ms: bare.p99,
      ratioToBare: Number((ioc.p99 / bare.p99).toFixed(2)),
    },
    [
      { name: 'Baseline# bare Socket.IO emit loop, 100 ms tick', ...bare },
      { name: 'IOC: HTTP ingest → live delta', ...ioc },
    ],
  )
})

const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 }
describe(`fan-out to ${CLIENTS} clients, latency ms`, () => {
  bench(
    'Baseline# bare Socket.IO emit loop',
    async () => {
      results.bare = await fanoutBare()
    },
    once,
  )
  bench(
    'IOC ingest → delta at 20k obs/s',
    async () => {
      results.ioc = await fanoutIoc()
    },
    once,
  )
})
