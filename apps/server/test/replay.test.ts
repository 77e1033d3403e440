import type {
  Ack,
  Alert,
  Observation,
  ReplayAlert,
  ReplayClockState,
  ReplaySnapshot,
  StateDelta,
} from '@ioc/domain'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ndjson, network, next, startTestServer, type TestServer } from './test-server'

// The evening of the king tide of 6 Nov 2025 (fixtures/recordings/king-tide-2025-11-06.json), 15:00–20:00,
// on the roads through the flood points and the first 200 segments, fed live through HTTP ingest.
const FROM = Date.parse('2025-11-06T15:00:00+07:00')
const TO = Date.parse('2025-11-06T20:00:00+07:00')
const at = (hhmm: string) => Date.parse(`2025-11-06T${hhmm}:00+07:00`)

let s: TestServer
let recording: Observation[]
let analystToken: string

function kingTideEvening(): Observation[] {
  const { scenario } = loadScenario('king-tide-2025-11-06')
  const segmentIds = [
    ...new Set([
      ...network.floodPoints.flatMap((p) => p.segmentIds),
      ...network.segments.slice(0, 200).map((x) => x.id),
    ]),
  ]
  const evening = { ...scenario, traffic: { ...scenario.traffic, segmentIds } }
  return [...generateObservations(evening, loadWorld(), { fromMs: FROM, toMs: TO })]
}

beforeAll(async () => {
  s = await startTestServer()
  recording = kingTideEvening()
  for (let i = 0; i < recording.length; i += 5000) {
    const res = await s.ingest(ndjson(recording.slice(i, i + 5000)))
    expect(res.status).toBe(200)
  }
  analystToken = await s.login('analyst')
}, 120_000)
afterAll(() => s.stop())

type Reply<T> = Parameters<Ack<T>>[0]
async function ask<T>(socket: Socket, event: string, ...args: unknown[]): Promise<T> {
  const reply = (await socket.timeout(20_000).emitWithAck(event, ...args)) as Reply<T>
  if (!reply.ok) throw new Error(`${event}: ${JSON.stringify(reply.error)}`)
  return reply.value
}

async function analyst(): Promise<Socket> {
  const socket = s.socket({ auth: { token: analystToken } })
  await next(socket, 'state:snapshot')
  return socket
}

/** Starts a replay and waits for its first snapshot. */
async function startReplay(socket: Socket, request: Record<string, unknown> = {}) {
  const snapshot = next<ReplaySnapshot>(socket, 'replay:snapshot', 20_000)
  await ask(socket, 'replay:start', { from: FROM, to: TO, speed: 60, ...request })
  return snapshot
}

async function seek(socket: Socket, t: number): Promise<ReplaySnapshot> {
  const snapshot = next<ReplaySnapshot>(socket, 'replay:snapshot', 20_000)
  await ask(socket, 'replay:control', { type: 'seek', t })
  return snapshot
}

/** Latest value per subject at or before t, straight from the recording. */
function expectedAt(t: number) {
  const traffic = new Map<number, number>()
  const water = new Map<number, number>()
  for (const o of recording) {
    if (Date.parse(o.observedAt) > t) continue
    if (o.type === 'traffic')
      traffic.set(
        network.segments.findIndex((x) => x.id === o.segmentId),
        o.speedKph,
      )
    else
      water.set(
        network.stations.findIndex((x) => x.id === o.stationId),
        o.value,
      )
  }
  return { traffic, water }
}

const columnsOf = (snap: ReplaySnapshot) => ({
  traffic: new Map(snap.traffic.segmentIdx.map((i, k) => [i, snap.traffic.speedKph[k]])),
  water: new Map(snap.water.stationIdx.map((i, k) => [i, snap.water.value[k]])),
})

/** What an alert looked like, without ids and wall-clock-only fields. */
const shape = (a: Alert) => [a.key, a.severity, a.raisedAt, a.active]
const notSilent = (a: Alert) => a.kind !== 'sensor-silent'

describe('replay over Socket.IO', () => {
  test('seek gives the latest reading of every subject at that time, as recorded', async () => {
    const socket = await analyst()
    const first = await startReplay(socket)
    expect(first.clock).toBe(FROM)
    expect(columnsOf(first)).toEqual(expectedAt(FROM))
    for (const t of [at('18:00'), at('16:37'), at('19:59')]) {
      const snap = await seek(socket, t)
      expect(snap.clock).toBe(t)
      expect(columnsOf(snap)).toEqual(expectedAt(t))
    }
  })

  test('a wall display in the live room receives nothing of an analyst replay', async () => {
    const wall = s.socket({ auth: { token: s.displayToken } })
    await next(wall, 'state:snapshot')
    const seen: string[] = []
    wall.onAny((event: string) => {
      if (event.startsWith('replay:')) seen.push(event)
    })
    const socket = await analyst()
    await startReplay(socket, { speed: 3600 })
    await ask(socket, 'replay:control', { type: 'play' })
    await next(socket, 'replay:delta', 10_000)
    await ask(socket, 'replay:control', { type: 'pause' })
    await seek(socket, at('18:00'))
    expect(seen).toEqual([])
  })

  test('two analysts replay independently', async () => {
    const a = await analyst()
    const b = await analyst()
    await startReplay(a)
    await startReplay(b)
    const snapA = await seek(a, at('17:00'))
    let bGot = 0
    b.on('replay:snapshot', () => bGot++)
    await seek(a, at('18:00'))
    const snapB = await seek(b, at('16:00'))
    expect(snapA.clock).toBe(at('17:00'))
    expect(snapB.clock).toBe(at('16:00'))
    expect(bGot).toBe(1)
  })

  test('pause stops every replay event, and a speed change takes effect', async () => {
    const socket = await analyst()
    await startReplay(socket, { speed: 60 })
    const clocks: ReplayClockState[] = []
    socket.on('replay:clock', (c: ReplayClockState) => clocks.push(c))
    await ask(socket, 'replay:control', { type: 'play' })
    await new Promise((r) => setTimeout(r, 500))
    const slow = (clocks.at(-1)?.t ?? FROM) - FROM
    // 60×: half a second is half a minute of data (a little more with a slow machine's ticks).
    expect(slow).toBeLessThan(10 * 60_000)
    const faster = await ask<ReplayClockState>(socket, 'replay:control', { type: 'speed', speed: 3600 })
    expect(faster).toMatchObject({ speed: 3600, playing: true })
    await new Promise((r) => setTimeout(r, 500))
    expect((clocks.at(-1)?.t ?? 0) - faster.t).toBeGreaterThan(10 * 60_000)

    const paused = await ask<ReplayClockState>(socket, 'replay:control', { type: 'pause' })
    expect(paused.playing).toBe(false)
    const after: string[] = []
    socket.onAny((event: string) => {
      if (event.startsWith('replay:')) after.push(event)
    })
    await new Promise((r) => setTimeout(r, 400))
    expect(after).toEqual([])
    const stepped = await ask<ReplayClockState>(socket, 'replay:control', { type: 'step' })
    expect(stepped.t).toBe(paused.t + 5 * 60_000)
  })

  test('the replayed alerts are those the live pipeline raised from the same recording', async () => {
    const socket = await analyst()
    await startReplay(socket)
    for (const t of [at('16:40'), at('17:10'), at('18:30'), at('19:59')]) {
      const snap = await seek(socket, t)
      expect(snap.replayedAlerts.length).toBeGreaterThan(0)
      expect(snap.replayedAlerts.filter(notSilent).map(shape)).toEqual(
        snap.alerts.filter(notSilent).map(shape),
      )
    }
  })

  test('3600× playback delivers every alert change the live pipeline recorded, and a coherent map', async () => {
    const socket = await analyst()
    const first = await startReplay(socket, { speed: 3600 })
    const changes: ReplayAlert[] = []
    const map = columnsOf(first)
    socket.on('replay:alert', (a: ReplayAlert) => changes.push(a))
    socket.on('replay:delta', (d: StateDelta) => {
      d.traffic.segmentIdx.forEach((i, k) => {
        map.traffic.set(i, d.traffic.speedKph[k])
      })
      d.water.stationIdx.forEach((i, k) => {
        map.water.set(i, d.water.value[k])
      })
    })
    const ended = new Promise<void>((resolve) =>
      socket.on('replay:clock', (c: ReplayClockState) => {
        if (c.t === TO && !c.playing) resolve()
      }),
    )
    await ask(socket, 'replay:control', { type: 'play' })
    await ended
    const of = (source: string) =>
      changes
        .filter((c) => c.source === source && notSilent(c.alert))
        .map((c) => JSON.stringify([c.alert.updatedAt, c.alert.key, c.alert.severity, c.alert.active]))
        .sort()
    expect(of('replayed').length).toBeGreaterThan(10)
    expect(of('replayed')).toEqual(of('recorded'))
    expect(map).toEqual(expectedAt(TO))
  }, 60_000)

  test('what if báo động II at Phú An were 1.45 m: the ebbing tide stays major longer than recorded', async () => {
    // Báo động II is released after 30 min at 5 cm below it (rules.default.json): below 1.45 m as
    // recorded (II = 1.50 m), below 1.40 m in the what-if.
    const ebb = recording.flatMap((o) =>
      o.type === 'water' && o.stationId === 'phu-an' && Date.parse(o.observedAt) > at('18:00')
        ? [{ t: Date.parse(o.observedAt), m: o.value }]
        : [],
    )
    const firstBelow = (m: number) => ebb.find((r) => r.m < m)?.t ?? Number.POSITIVE_INFINITY
    const recordedRelease = ebb.find((r) => r.t >= firstBelow(1.45) + 30 * 60_000)?.t as number
    expect(firstBelow(1.4) + 30 * 60_000).toBeGreaterThan(recordedRelease)

    const socket = await analyst()
    await startReplay(socket, { rulesOverride: { stations: { 'phu-an': { alarmLevelsM: { II: 1.45 } } } } })
    const phuAn = (snap: ReplaySnapshot) =>
      [snap.replayedAlerts, snap.alerts].map((l) => l.find((a) => a.key === 'water-level:phu-an')?.severity)
    expect(phuAn(await seek(socket, recordedRelease - 1))).toEqual(['major', 'major'])
    expect(phuAn(await seek(socket, recordedRelease))).toEqual(['major', 'minor'])
  })

  test('an analyst-only action: an operator may not replay, and a bad override is refused with its path', async () => {
    const operator = s.socket({ auth: { token: await s.login('operator') } })
    await next(operator, 'state:snapshot')
    const refused = (await operator
      .timeout(5000)
      .emitWithAck('replay:start', { from: FROM, to: TO })) as Reply<unknown>
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const socket = await analyst()
    const bad = (await socket.timeout(5000).emitWithAck('replay:start', {
      from: FROM,
      to: TO,
      rulesOverride: { stations: { 'phu-ann': { alarmLevelsM: { II: 1.45 } } } },
    })) as Reply<unknown>
    expect(bad.ok || bad.error.issues?.[0]?.field).toMatch(/^rulesOverride\.stations/)
  })
})
