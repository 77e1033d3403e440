import type { Observation } from '@ioc/domain'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ndjson, network, startTestServer, type TestServer } from './test-server'

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

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
  for (let i = 0; i < recording.length; i += 5000) {
    const res = await server.ingest(ndjson(recording.slice(i, i + 5000)))
    expect(res.status).toBe(200)
  }
}, 120_000)
afterAll(() => server?.stop())

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

test('a SensorThings client reads the Phú An water levels of 6 Nov 2025, page by page', async () => {
  const root = `${server.url}/sta/v1.1`
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
  const over = read
    .filter((o) => o.result > 1.6)
    .map((o) => new Date(Date.parse(o.phenomenonTime) + 7 * 3_600_000))
  expect(over.some((t) => t.getUTCHours() === 4)).toBe(true)
  expect(over.some((t) => t.getUTCHours() === 18)).toBe(true)
})
