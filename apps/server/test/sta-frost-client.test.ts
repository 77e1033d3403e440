import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localHour, type Observation } from '@ioc/domain'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadConfig } from '../src/config/config'
import { startServer } from '../src/server'
import { openPostgresStore } from '../src/store/postgres/postgres-store'
import { createTempSchema } from '../src/store/postgres/temp-schema'
import { clientOf, ndjson, network, seedAccounts, startTestServer, testEnv } from './test-server'

// The king tide of 6 Nov 2025 (fixtures/recordings/king-tide-2025-11-06.json), the whole day: every
// water station, and the roads through the flood points.
const { scenario } = loadScenario('king-tide-2025-11-06')
const recording: Observation[] = [
  ...generateObservations(
    {
      ...scenario,
      traffic: {
        ...scenario.traffic,
        segmentIds: [...new Set(network.floodPoints.flatMap((p) => p.segmentIds))],
      },
    },
    loadWorld(),
  ),
]
const DAY_FROM = Date.parse('2025-11-06T00:00:00+07:00')
const DAY_TO = Date.parse('2025-11-07T00:00:00+07:00')

/** The king-tide day fed to a real server through HTTP ingest, as a feed would. */
async function feed(ingest: (body: string) => Promise<Response>): Promise<void> {
  for (let i = 0; i < recording.length; i += 5000) {
    const res = await ingest(ndjson(recording.slice(i, i + 5000)))
    expect(res.status).toBe(200)
  }
}

/** The server under test on each store: its URL, and how to stop it. */
const stores: [string, () => Promise<{ url: string; stop(): Promise<void> }>][] = [
  [
    'SQLite',
    async () => {
      const s = await startTestServer()
      await feed(s.ingest)
      return s
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = await createTempSchema('sta')
      const seed = await openPostgresStore(schema.url)
      const { ingestKey } = await seedAccounts(seed, ['admin'], 'wall')
      await seed.close()
      const dataDir = mkdtempSync(join(tmpdir(), 'ioc-sta-pg-'))
      const server = await startServer(loadConfig({ ...testEnv(dataDir), DATABASE_URL: schema.url }), network)
      await feed(clientOf(server.url, ingestKey, []).ingest)
      return {
        url: server.url,
        async stop() {
          await server.close()
          await schema.drop()
          rmSync(dataDir, { recursive: true, force: true })
        },
      }
    },
  ],
]

/**
 * A client that knows only SensorThings: it builds URLs the way FROST-Client does (every option
 * percent-encoded) and follows the server's links as opaque strings.
 */
async function staGet(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: { accept: 'application/json' } })
  expect(res.status, url).toBe(200)
  return (await res.json()) as Record<string, unknown>
}
const withOptions = (base: string, options: Record<string, string>) =>
  `${base}?${Object.entries(options)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`

describe.each(stores)('on %s', (_name, start) => {
  let server: { url: string; stop(): Promise<void> }
  beforeAll(async () => {
    server = await start()
  }, 120_000)
  afterAll(() => server?.stop())

  test('a SensorThings client reads the Phú An water levels of 6 Nov 2025, page by page', () =>
    readPhuAn(server.url))
})

async function readPhuAn(url0: string): Promise<void> {
  const root = `${url0}/sta/v1.1`
  const things = await staGet(
    withOptions(`${root}/Things`, { $filter: "name eq 'Phú An'", $expand: 'Datastreams' }),
  )
  const [phuAn] = things.value as { Datastreams: Record<string, unknown>[] }[]
  expect(things.value).toHaveLength(1)
  const level = phuAn?.Datastreams.find((d) => (d.unitOfMeasurement as { symbol: string }).symbol === 'm')
  expect(level).toBeDefined()

  let url: string | undefined = withOptions(`${level?.['Observations@iot.navigationLink']}`, {
    $filter: 'phenomenonTime ge 2025-11-06T00:00:00+07:00 and phenomenonTime lt 2025-11-07T00:00:00+07:00',
    $orderby: 'phenomenonTime asc',
    $top: '100',
  })
  const read: { phenomenonTime: string; result: number }[] = []
  let pages = 0
  while (url) {
    const page = await staGet(url)
    read.push(...(page.value as typeof read))
    url = page['@iot.nextLink'] as string | undefined
    pages++
  }

  const expected = recording
    .filter((o) => o.type === 'water' && o.stationId === 'phu-an')
    .filter((o) => Date.parse(o.observedAt) >= DAY_FROM && Date.parse(o.observedAt) < DAY_TO)
    .map((o) => ({
      phenomenonTime: new Date(o.observedAt).toISOString(), // JSON has no −0.
      result: (o as { value: number }).value + 0,
    }))
  expect(expected).toHaveLength(288)
  expect(pages).toBe(3)
  expect(read.map(({ phenomenonTime, result }) => ({ phenomenonTime, result }))).toEqual(expected)
  // What the reader sees: both peaks of the king tide above báo động III (1.60 m).
  const over = read.filter((o) => o.result > 1.6).map((o) => localHour(Date.parse(o.phenomenonTime)))
  expect(over).toContain(4)
  expect(over).toContain(18)
}
