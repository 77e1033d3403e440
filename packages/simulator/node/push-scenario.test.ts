import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Observation } from '@ioc/domain'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadWorld } from '../src/load-world'
import { loadScenario } from '../src/scenario/load-scenario'
import { pushScenario } from './push-scenario'

// Built once before the tests: the world takes seconds on a busy machine.
const world = loadWorld()
const received: Observation[] = []
const server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => {
    body += chunk
  })
  req.on('end', () => {
    for (const line of body.split('\n').filter(Boolean)) received.push(Observation.parse(JSON.parse(line)))
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":0,"duplicates":0}')
  })
})
let url = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test('a day pushed as live is re-timed so its start is now, with the history before it sent at once', async () => {
  const { scenario } = loadScenario('king-tide-2025-11-06')
  const kingTide = {
    ...scenario,
    traffic: { ...scenario.traffic, segmentIds: [] },
    to: '2025-11-06T17:00:00+07:00',
  }
  const before = Date.now()
  await pushScenario(kingTide, world, {
    url,
    key: 'k',
    speed: 1,
    batch: 5000,
    startMs: Date.parse('2025-11-06T17:00:00+07:00'),
    historyFromMs: Date.parse('2025-11-06T16:50:00+07:00'),
    asLive: true,
    loop: false,
  })
  const times = [...new Set(received.map((o) => Date.parse(o.observedAt)))]
  expect(times).toHaveLength(2)
  // 16:50 and 16:55 become ten and five minutes ago, on the whole minute.
  expect((times[0] ?? 0) - (before - 600_000)).toBeGreaterThan(-60_000)
  expect((times[0] ?? 0) % 60_000).toBe(0)
  expect((times[1] ?? 0) - (times[0] ?? 0)).toBe(300_000)
  expect(received.filter((o) => Date.parse(o.observedAt) > Date.now())).toEqual([])
})

test('a push re-timed to now refuses to run faster than real time', async () => {
  const { scenario } = loadScenario('king-tide-2025-11-06')
  await expect(
    pushScenario(scenario, world, { url, key: 'k', speed: 60, batch: 5000, asLive: true, loop: false }),
  ).rejects.toThrow(/faster than real time/)
})
