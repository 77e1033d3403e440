import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { History } from '@ioc/domain'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { NetworkGeoJsonSchema } from '../src/api/network-schema'
import { level, ndjson, network, segmentId, speed, startTestServer, type TestServer } from './test-server'

let s: TestServer
const webDist = mkdtempSync(join(tmpdir(), 'ioc-web-'))
beforeAll(async () => {
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>IOC</title>')
  mkdirSync(join(webDist, 'assets'))
  writeFileSync(join(webDist, 'assets', 'app-1234.js'), 'console.log(1)')
  s = await startTestServer({ WEB_DIST: webDist })
})
afterAll(() => s.stop())

describe('GET /api/v1/network', () => {
  test('serves the whole network as GeoJSON, feature ids being the delta indices', async () => {
    const res = await s.api('/network', { token: s.displayToken })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const body = NetworkGeoJsonSchema.parse(await res.json())
    expect(body.segments.features).toHaveLength(network.segments.length)
    expect(body.segments.features[7]).toMatchObject({ id: 7, properties: { id: segmentId(7) } })
    expect(body.stations.features.find((f) => f.properties.id === 'phu-an')?.properties.kind).toBe(
      'tide-gauge',
    )
  })

  test('revalidates with its ETag', async () => {
    const first = await s.api('/network', { token: s.displayToken })
    const etag = first.headers.get('etag') as string
    expect(etag).toBe(`"${network.version}"`)
    const again = await s.api('/network', { token: s.displayToken, headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })
})

test('history of a long range is downsampled', async () => {
  const t0 = Date.now() - 3 * 3600_000
  // A reading every minute for 2 hours.
  await s.ingest(ndjson(Array.from({ length: 120 }, (_, m) => speed(3, 20 + (m % 10), t0 + m * 60_000))))
  const token = await s.login('duty-officer')
  const res = await s.api(
    `/history/traffic/${segmentId(3)}?from=${t0}&to=${t0 + 2 * 3600_000}&maxPoints=12`,
    {
      token,
    },
  )
  const h = (await res.json()) as History
  expect(h.bucketMs).toBe(10 * 60_000)
  expect(h.points).toHaveLength(12)
  expect(h.points[0]).toMatchObject({ observedAt: t0, value: 24.5, min: 20, max: 29, count: 10 })
})

test('/metrics reports ingest and live clients for Prometheus', async () => {
  await s.ingest(ndjson([level('nha-be', 1.1)]))
  const text = await (await fetch(`${s.url}/metrics`)).text()
  expect(text).toMatch(/^ioc_observations_stored_total\{type="water"\} [1-9]/m)
  expect(text).toMatch(/^ioc_ingest_batch_seconds_count [1-9]/m)
  expect(text).toMatch(/^ioc_live_clients 0$/m)
})

test('/health says the server is live and ready', async () => {
  const res = await s.api('/health')
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ live: true, ready: true, checks: { store: 'ok' } })
})

describe('the built web client', () => {
  test.each(['/', '/wall', '/alerts/123', '/replay?incident=abc', '/reports', '/login'])(
    '%s serves the app',
    async (path) => {
      const res = await fetch(`${s.url}${path}`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>IOC</title>')
    },
  )

  test('fingerprinted assets are cached for good', async () => {
    const res = await fetch(`${s.url}/assets/app-1234.js`)
    expect(res.headers.get('cache-control')).toMatch(/immutable/)
  })

  test('an unknown API path is a JSON 404, not the app', async () => {
    const res = await fetch(`${s.url}/api/v1/nothing`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ code: 'not_found', message: 'no route GET /api/v1/nothing' })
  })

  // A browser asking the public APIs for an unknown path must get their 404, not the staff app.
  test.each(['/sta/api/v1/audit', '/open-data/nothing', '/cap/nothing', '/open311/nothing'])(
    '%s is not the app',
    async (path) => {
      const res = await fetch(`${s.url}${path}`, { headers: { accept: 'text/html' } })
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain('<title>IOC</title>')
    },
  )
})
