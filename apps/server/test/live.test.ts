import type { Ack, Alert, StateDelta, StateSnapshot } from '@ioc/domain'
import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  level,
  ndjson,
  network,
  next,
  speed,
  startTestServer,
  stationIdx,
  type TestServer,
} from './test-server'

let s: TestServer
beforeAll(async () => {
  s = await startTestServer()
})
afterAll(() => s.stop())

type Reply<T> = Parameters<Ack<T>>[0]
const emitWithAck = <T>(socket: Socket, event: string, ...args: unknown[]) =>
  socket.timeout(3000).emitWithAck(event, ...args) as Promise<Reply<T>>

/** Collects deltas until `done` says the picture is complete. */
function deltasUntil(socket: Socket, done: (all: StateDelta[]) => boolean): Promise<StateDelta[]> {
  return new Promise((resolve, reject) => {
    const all: StateDelta[] = []
    const timer = setTimeout(() => reject(new Error(`only ${all.length} deltas`)), 3000)
    const on = (d: StateDelta) => {
      all.push(d)
      if (!done(all)) return
      clearTimeout(timer)
      socket.off('state:delta', on)
      resolve(all)
    }
    socket.on('state:delta', on)
  })
}
const hasSegment = (all: StateDelta[], idx: number, kph: number) =>
  all.some((d) => d.traffic.segmentIdx.some((i, k) => i === idx && d.traffic.speedKph[k] === kph))

describe('live state over Socket.IO', () => {
  test('a client gets a snapshot with what was stored before it connected', async () => {
    await s.ingest(ndjson([speed(10, 33), level('phu-an', 1.45)]))
    const socket = s.socket({ auth: { token: await s.login('operator') } })
    const snap = await next<StateSnapshot>(socket, 'state:snapshot')
    expect(snap.networkVersion).toBe(network.version)
    expect(snap.traffic.speedKph[snap.traffic.segmentIdx.indexOf(10)]).toBe(33)
    expect(snap.water.value[snap.water.stationIdx.indexOf(stationIdx('phu-an'))]).toBe(1.45)
    // 1.45 m is past báo động I (1.40 m): the open alert comes with the snapshot.
    expect(snap.alerts.map((a) => [a.key, a.severity])).toEqual([['water-level:phu-an', 'minor']])
  })

  test('a burst of batches arrives as a few coalesced deltas with the latest values', async () => {
    const socket = s.socket({ auth: { token: s.displayToken } })
    await next(socket, 'state:snapshot')
    const t0 = Date.now() - 60_000
    const batches = [0, 1, 2, 3, 4].map((k) =>
      ndjson(Array.from({ length: 500 }, (_, i) => speed(i, 10 + k, t0 + k))),
    )
    const got = deltasUntil(socket, (all) => hasSegment(all, 499, 14))
    for (const b of batches) expect((await s.ingest(b)).status).toBe(200)
    const deltas = await got
    // 2,500 observations of 500 segments: far fewer messages than observations, each with ≤ 500 subjects.
    expect(deltas.length).toBeLessThanOrEqual(5)
    expect(deltas.every((d) => d.traffic.segmentIdx.length <= 500)).toBe(true)
    const last = deltas.at(-1) as StateDelta
    expect(last.traffic.speedKph[last.traffic.segmentIdx.indexOf(0)]).toBe(14)
    expect(deltas.map((d) => d.seq)).toEqual(deltas.map((_, i) => (deltas[0]?.seq ?? 0) + i))
  })

  test('a client that drops for a moment receives the deltas it missed, without a new snapshot', async () => {
    // Back after 500 ms: the delta (50 ms tick) goes out while the client is away.
    const socket = s.socket({
      auth: { token: await s.login('analyst') },
      reconnectionDelay: 500,
      randomizationFactor: 0,
    })
    await next(socket, 'state:snapshot')
    let snapshots = 0
    socket.on('state:snapshot', () => snapshots++)
    const reconnected = next(socket, 'connect')
    // Closing the transport (not a deliberate disconnect) is what a network drop looks like.
    socket.io.engine.close()
    expect(socket.connected).toBe(false)
    const missed = deltasUntil(socket, (all) => hasSegment(all, 42, 77))
    expect((await s.ingest(ndjson([speed(42, 77)]))).status).toBe(200)
    await reconnected
    expect(socket.recovered).toBe(true)
    await missed
    expect(snapshots).toBe(0)
  })

  test('a client that comes back as a new connection gets a fresh snapshot', async () => {
    const token = await s.login('operator')
    const first = s.socket({ auth: { token } })
    await next(first, 'state:snapshot')
    first.disconnect()
    await s.ingest(ndjson([speed(43, 66)]))
    const again = s.socket({ auth: { token } })
    const snap = await next<StateSnapshot>(again, 'state:snapshot')
    expect(snap.traffic.speedKph[snap.traffic.segmentIdx.indexOf(43)]).toBe(66)
  })

  test('state:resync answers with a snapshot', async () => {
    const socket = s.socket({ auth: { token: s.displayToken } })
    await next(socket, 'state:snapshot')
    const reply = await emitWithAck<StateSnapshot>(socket, 'state:resync')
    expect(reply.ok && reply.value.networkVersion).toBe(network.version)
  })
})

describe('socket handshake and roles', () => {
  async function refusal(socket: Socket) {
    const err = await next<Error & { data?: { code: string } }>(socket, 'connect_error')
    socket.disconnect()
    return { message: err.message, code: err.data?.code }
  }

  test('without credentials the handshake is refused with the reason', async () => {
    expect(await refusal(s.socket({ reconnection: false }))).toEqual({
      message: 'sign in, or send a bearer token',
      code: 'unauthenticated',
    })
  })

  test('an ingest key may not watch the live state', async () => {
    expect(await refusal(s.socket({ auth: { token: s.ingestKey }, reconnection: false }))).toEqual({
      message: 'ingest-key feed lacks the live:view permission',
      code: 'forbidden',
    })
  })

  test('the session cookie authenticates a socket', async () => {
    const token = await s.login('operator')
    const socket = s.socket({ extraHeaders: { cookie: `ioc_session=${token}` } })
    expect((await next<StateSnapshot>(socket, 'state:snapshot')).networkVersion).toBe(network.version)
  })

  test('an operator may not act on alerts', async () => {
    const socket = s.socket({ auth: { token: await s.login('operator') } })
    await next(socket, 'state:snapshot')
    const reply = await emitWithAck<Alert>(socket, 'alert:act', {
      alertId: 'a1',
      action: { type: 'acknowledge' },
    })
    expect(reply).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'operator (operator) lacks the alerts:act permission' },
    })
  })

  test('a duty officer may, and is told when the alert does not exist', async () => {
    const socket = s.socket({ auth: { token: await s.login('duty-officer') } })
    await next(socket, 'state:snapshot')
    const reply = await emitWithAck<Alert>(socket, 'alert:act', {
      alertId: 'a1',
      action: { type: 'acknowledge' },
    })
    expect(reply).toEqual({ ok: false, error: { code: 'not_found', message: 'no alert "a1"' } })
    const bad = await emitWithAck<Alert>(socket, 'alert:act', { alertId: 'a1', action: { type: 'resolve' } })
    expect(bad.ok || bad.error.code).toBe('invalid_request')
  })
})
