import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { afterAll, bench, describe } from 'vitest'
import { loadConfig } from '../src/config/config'
import { startServer } from '../src/server'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import { reportBench } from './bench-report'

/**
 * The public SensorThings observations endpoint under load (autocannon, 10 connections, in its own
 * process): one page of Phú An's water levels of 6 Nov 2025 as a FROST client asks for it, served from
 * the public cache, against the same endpoint with the cache off (PUBLIC_CACHE_MAX_AGE_S=0) as the
 * baseline, both in this run on the king-tide day's readings. The machine's own limit, measured in the
 * same run: a bare node:http server answering the same bytes. Target: ≥ 2,000 requests/s cached,
 * p99 < 50 ms.
 */
const CONNECTIONS = 10
const DURATION_S = 8
const network = loadNetwork()
const PAGE =
  "/sta/v1.1/Datastreams('phu-an:water-level')/Observations?$filter=" +
  encodeURIComponent(
    'phenomenonTime ge 2025-11-06T00:00:00+07:00 and phenomenonTime lt 2025-11-07T00:00:00+07:00',
  ) +
  `&$orderby=${encodeURIComponent('phenomenonTime asc')}&$top=100`

interface Load {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  total: number
  non2xx: number
  errors: number
  timeouts: number
}
const results: Record<string, Load> = {}

/** The king-tide day: every water station and the roads through the flood points, as ingest stores them. */
function kingTideDay(): Observation[] {
  const { scenario } = loadScenario('king-tide-2025-11-06')
  const segmentIds = [...new Set(network.floodPoints.flatMap((p) => p.segmentIds))]
  return [...generateObservations({ ...scenario, traffic: { ...scenario.traffic, segmentIds } }, loadWorld())]
}

/** Runs autocannon against `url` from a child process. */
async function hammer(url: string): Promise<Load> {
  const loader = fork(fileURLToPath(new URL('./autocannon-worker.mjs', import.meta.url)), [
    JSON.stringify({ url, connections: CONNECTIONS, durationS: DURATION_S }),
  ])
  return new Promise<Load>((resolve, reject) => {
    loader.once('message', (m) => resolve(m as Load))
    loader.once('error', reject)
    loader.once('exit', (code) => code && reject(new Error(`autocannon exited with ${code}`)))
  })
}

let pageBytes = Buffer.alloc(0)

/** node:http with nothing but the page's bytes: what the machine can serve at this moment. */
async function loadBare(): Promise<Load> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': pageBytes.length,
    })
    res.end(pageBytes)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const result = await hammer(`http://127.0.0.1:${(server.address() as AddressInfo).port}${PAGE}`)
  await new Promise((r) => server.close(r))
  return result
}

async function load(cacheMaxAgeS: number): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-public-'))
  const seed = openSqliteStore(join(dir, 'ioc.sqlite'))
  const day = kingTideDay()
  for (let i = 0; i < day.length; i += 5000) await seed.insertObservations(day.slice(i, i + 5000))
  await seed.close()
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    IOC_ADMIN_PASSWORD: 'bench admin password',
    PUBLIC_RATE_LIMIT_PER_MIN: '10000000',
    PUBLIC_CACHE_MAX_AGE_S: String(cacheMaxAgeS),
  })
  const server = await startServer(config, network)
  const url = `${server.url}${PAGE}`
  const check = await fetch(url)
  const page = (await check.json()) as { value: unknown[] }
  if (check.status !== 200 || page.value.length !== 100) throw new Error(`bad page: ${check.status}`)
  pageBytes = Buffer.from(JSON.stringify(page))
  const result = await hammer(url)
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  return result
}

afterAll(() => {
  const cached = results.cached as Load
  const uncached = results.uncached as Load
  const bare = results.bare as Load
  const row = (name: string, r: Load) => ({
    name,
    requestsPerSecond: Math.round(r.requestsPerSecond),
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    requests: r.total,
    failed: r.non2xx + r.errors + r.timeouts,
  })
  reportBench(
    'public-observations',
    {
      page: PAGE,
      connections: CONNECTIONS,
      durationS: DURATION_S,
      target: { requestsPerSecond: 2000, p99Ms: 50 },
      requestsPerSecond: Math.round(cached.requestsPerSecond),
      p99Ms: cached.p99Ms,
      uncachedRequestsPerSecond: Math.round(uncached.requestsPerSecond),
      ratioToUncached: Number((cached.requestsPerSecond / uncached.requestsPerSecond).toFixed(2)),
      bareRequestsPerSecond: Math.round(bare.requestsPerSecond),
      ratioToBare: Number((cached.requestsPerSecond / bare.requestsPerSecond).toFixed(2)),
    },
    [
      row('Baseline# the same page, cache off', uncached),
      row('public cache on', cached),
      row('Limit# bare node:http, same bytes', bare),
    ],
  )
})

const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 }
describe('public SensorThings observations page, requests/s', () => {
  bench(
    'Baseline# cache off',
    async () => {
      results.uncached = await load(0)
    },
    once,
  )
  bench(
    'public cache on',
    async () => {
      results.cached = await load(30)
    },
    once,
  )
  bench(
    'Limit# bare node:http',
    async () => {
      results.bare = await loadBare()
    },
    once,
  )
})
