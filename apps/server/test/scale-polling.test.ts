import type { StateDelta, StateSnapshot } from '@ioc/domain'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ndjson, next, speed, startTestServer, type TestServer } from './test-server'

// Regression: Express also answered Socket.IO's long-polling requests, so engine.io's own answer threw
// ERR_HTTP_HEADERS_SENT and the server died; web clients had to be websocket-only to dodge it.
let s: TestServer
beforeAll(async () => {
  s = await startTestServer()
})
afterAll(() => s.stop())

test('a long-polling handshake is answered by Socket.IO alone', async () => {
  const res = await fetch(`${s.url}/socket.io/?EIO=4&transport=polling`)
  expect(res.status).toBe(200)
  expect(await res.text()).toMatch(/^0\{"sid":/)
})

test('a polling-only client gets the snapshot and live deltas', async () => {
  const socket = s.socket({ transports: ['polling'], auth: { token: s.displayToken } })
  await next<StateSnapshot>(socket, 'state:snapshot')
  const delta = next<StateDelta>(socket, 'state:delta')
  expect((await s.ingest(ndjson([speed(7, 21)]))).status).toBe(200)
  const d = await delta
  expect(d.traffic.speedKph[d.traffic.segmentIdx.indexOf(7)]).toBe(21)
  // Several poll cycles later the server still answers.
  await new Promise((r) => setTimeout(r, 300))
  expect((await s.api('/health')).status).toBe(200)
})
