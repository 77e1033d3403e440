import type { History } from '@ioc/domain'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { level, ndjson, startTestServer, type TestServer } from './test-server'

const HOUR = 3_600_000
const DAY = 24 * HOUR
let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ RAW_RETENTION_DAYS: '1', RETENTION_EVERY_S: '0.2' })
}, 60_000)
afterAll(() => s?.stop())

test('raw readings past the retention age are dropped; their history is still charted from the rollups', async () => {
  // Phú An every minute from three days ago to now.
  const start = Math.floor((Date.now() - 3 * DAY) / HOUR) * HOUR
  const readings = Array.from({ length: 3 * 1440 }, (_, m) =>
    level('phu-an', 1 + (m % 60) / 100, start + m * 60_000),
  )
  for (let i = 0; i < readings.length; i += 2000) {
    expect((await s.ingest(ndjson(readings.slice(i, i + 2000)))).status).toBe(200)
  }
  const cutoff = Math.floor((Date.now() - DAY) / HOUR) * HOUR
  const kept = readings.filter((o) => Date.parse(o.observedAt) >= cutoff).length
  const deadline = Date.now() + 20_000
  while ((await s.store.countObservations()) > kept && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
  }
  expect(await s.store.countObservations()).toBe(kept)

  const token = await s.login('analyst')
  const history = async (from: number, to: number) =>
    (await (await s.api(`/history/water/phu-an?from=${from}&to=${to}`, { token })).json()) as History
  // An hour two days ago: 12 five-minute cells of 5 readings each, mean of 1.00–1.04 and so on.
  const old = await history(start + DAY, start + DAY + HOUR)
  expect(old.bucketMs).toBe(5 * 60_000)
  expect(old.points.map((p) => [p.count, p.min, p.max])).toEqual(
    Array.from({ length: 12 }, (_, i) => [5, 1 + (i * 5) / 100, 1 + (i * 5 + 4) / 100]),
  )
  // The last hour is still raw.
  expect((await history(Date.now() - HOUR, Date.now())).bucketMs).toBeNull()
}, 60_000)
