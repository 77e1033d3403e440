import type { Alert, AlertDetail, AlertList, StateDelta, StateSnapshot } from '@ioc/domain'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDeployment, type Deployment, until } from './scale-cluster'
import { level, ndjson, next, speed, stationIdx } from './test-server'

const MIN = 60_000

/** Reads an instance's alert list, for `until`. */
const alertsOf =
  (
    inst: { api: (path: string, init: { token: string }) => Promise<Response> },
    token: string,
    state: string,
  ) =>
  async () =>
    (await (await inst.api(`/alerts?state=${state}`, { token })).json()) as AlertList

describe('two instances sharing PostgreSQL and Redis', () => {
  let d: Deployment
  let a: Awaited<ReturnType<Deployment['start']>>
  let b: Awaited<ReturnType<Deployment['start']>>
  beforeAll(async () => {
    d = await createDeployment('cluster')
    a = await d.start('ioc-a')
    b = await d.start('ioc-b')
    // One of them leads (emits the live deltas) once the lease is taken.
    await until(d.leader, (l) => l !== null)
  })
  afterAll(() => d?.stop())

  test('a client on one instance receives the deltas of readings ingested through the other', async () => {
    for (const [watch, feed, seg, kph] of [
      [a, b, 11, 17],
      [b, a, 12, 19],
    ] as const) {
      const socket = watch.socket({ auth: { token: d.displayToken } })
      await next(socket, 'state:snapshot')
      const got = new Promise<StateDelta>((resolve) => {
        socket.on('state:delta', (delta: StateDelta) => {
          if (delta.traffic.segmentIdx.includes(seg)) resolve(delta)
        })
      })
      expect((await feed.ingest(ndjson([speed(seg, kph)]))).status).toBe(200)
      const delta = await got
      expect(delta.traffic.speedKph[delta.traffic.segmentIdx.indexOf(seg)]).toBe(kph)
    }
  })

  test('a client of the instance that does not lead recovers the deltas it missed while away', async () => {
    const leader = (await d.leader()) === 'ioc-a' ? a : b
    const follower = leader === a ? b : a
    const socket = follower.socket({
      auth: { token: d.displayToken },
      reconnectionDelay: 500,
      randomizationFactor: 0,
    })
    await next(socket, 'state:snapshot')
    let snapshots = 0
    socket.on('state:snapshot', () => snapshots++)
    const missed = new Promise<StateDelta>((resolve) =>
      socket.on('state:delta', (delta: StateDelta) => {
        if (delta.traffic.segmentIdx.includes(13)) resolve(delta)
      }),
    )
    const reconnected = next(socket, 'connect')
    socket.io.engine.close()
    // The leader emits the delta through the Redis stream while the client is away.
    expect((await leader.ingest(ndjson([speed(13, 23)]))).status).toBe(200)
    await reconnected
    expect(socket.recovered).toBe(true)
    const delta = await missed
    expect(delta.traffic.speedKph[delta.traffic.segmentIdx.indexOf(13)]).toBe(23)
    expect(snapshots).toBe(0)
  })

  test("a new client's snapshot holds what the other instance stored", async () => {
    expect((await b.ingest(ndjson([level('nha-be', 1.23)]))).status).toBe(200)
    const snap = await until(
      () => next<StateSnapshot>(a.socket({ auth: { token: d.displayToken } }), 'state:snapshot'),
      (s) => s.water.value[s.water.stationIdx.indexOf(stationIdx('nha-be'))] === 1.23,
    )
    expect(snap.water.value[snap.water.stationIdx.indexOf(stationIdx('nha-be'))]).toBe(1.23)
  })

  test('Phú An past báo động III, fed through both instances at once, raises exactly one alert', async () => {
    const watcher = a.socket({ auth: { token: d.displayToken } })
    await next(watcher, 'state:snapshot')
    const pushed: Alert[] = []
    watcher.on('alert:changed', (x: Alert) => pushed.push(x))
    const t0 = Date.now() - 3 * 3600_000
    // Two feeds of the same gauge (two sources), each through its own instance, rising past 1.60 m.
    const rise = [1.3, 1.42, 1.52, 1.61, 1.66, 1.7]
    const feedThrough = (inst: typeof a, source: string) =>
      (async () => {
        for (const [i, v] of rise.entries()) {
          const o = { ...level('phu-an', v, t0 + i * 10 * MIN), source }
          expect((await inst.ingest(ndjson([o]))).status).toBe(200)
        }
      })()
    await Promise.all([feedThrough(a, 'gauge'), feedThrough(b, 'volunteer')])
    const token = await a.login('duty-officer')
    // The feeds were answered once their readings were stored and handed to the partition's owner,
    // which judges them a turn later.
    const list = await until(alertsOf(a, token, 'all'), (l) =>
      l.alerts.some((x) => x.key === 'water-level:phu-an' && x.severity === 'critical'),
    )
    const phuAn = list.alerts.filter((x) => x.key === 'water-level:phu-an')
    expect(phuAn).toHaveLength(1)
    expect(phuAn[0]).toMatchObject({ severity: 'critical', active: true })
    await until(
      async () => pushed,
      (p) => p.some((x) => x.key === 'water-level:phu-an' && x.severity === 'critical'),
    )
    expect(new Set(pushed.filter((x) => x.key === 'water-level:phu-an').map((x) => x.id)).size).toBe(1)
    // Both instances show it in a fresh snapshot.
    for (const inst of [a, b]) {
      const snap = await next<StateSnapshot>(
        inst.socket({ auth: { token: d.displayToken } }),
        'state:snapshot',
      )
      expect(snap.alerts.filter((x) => x.key === 'water-level:phu-an')).toHaveLength(1)
    }
  })

  test('the level falling, reported through the instance that did not see it rise, clears the alert', async () => {
    // One owner judges the gauge, whichever instance a reading came through.
    const t0 = Date.now() - 2 * 3600_000
    for (const [i, v] of [1.3, 1.45, 1.58, 1.63].entries()) {
      expect((await a.ingest(ndjson([level('thu-dau-mot', v, t0 + i * 10 * MIN)]))).status).toBe(200)
    }
    const token = await b.login('duty-officer')
    const raised = await until(alertsOf(b, token, 'active'), (l) =>
      l.alerts.some((x) => x.key === 'water-level:thu-dau-mot'),
    )
    expect(raised.alerts.filter((x) => x.key === 'water-level:thu-dau-mot')).toHaveLength(1)
    for (const [i, v] of [1.1, 1.0, 0.95, 0.9, 0.9].entries()) {
      expect((await b.ingest(ndjson([level('thu-dau-mot', v, t0 + (4 + i) * 10 * MIN)]))).status).toBe(200)
    }
    const after = await until(alertsOf(b, token, 'all'), (l) =>
      l.alerts.some((x) => x.key === 'water-level:thu-dau-mot' && !x.active),
    )
    expect(after.alerts.filter((x) => x.key === 'water-level:thu-dau-mot').map((x) => x.active)).toEqual([
      false,
    ])
  })

  test('a silence set through one instance silences the alert a reading through the other raises', async () => {
    const token = await a.login('duty-officer')
    const silenced = await a.api('/silences', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: { type: 'station', id: 'fs-005' },
        reason: 'sensor maintenance',
        until: Date.now() + 3600_000,
      }),
      token,
    })
    expect(silenced.status).toBe(201)
    // The silence reached the gauge's owner before this reading, on the partition's stream.
    expect((await b.ingest(ndjson([level('fs-005', 60)]))).status).toBe(200)
    const list = await until(alertsOf(b, token, 'all'), (l) =>
      l.alerts.some((x) => x.key === 'street-flood:fs-005'),
    )
    expect(list.alerts.filter((x) => x.key === 'street-flood:fs-005')).toMatchObject([
      { severity: 'critical', silenced: true },
    ])
  })

  test('an acknowledgement through one instance is kept when a reading through the other changes the alert', async () => {
    const t0 = Date.now() - 30 * MIN
    expect((await a.ingest(ndjson([level('fs-006', 35, t0)]))).status).toBe(200)
    const token = await a.login('duty-officer')
    const raised = await until(alertsOf(a, token, 'open'), (l) =>
      l.alerts.some((x) => x.key === 'street-flood:fs-006'),
    )
    const alert = raised.alerts.find((x) => x.key === 'street-flood:fs-006') as Alert
    const ack = await a.api(`/alerts/${alert.id}/ack`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'đội trực đã đến' }),
      token,
    })
    expect(ack.status).toBe(200)
    expect((await b.ingest(ndjson([level('fs-006', 60, t0 + 5 * MIN)]))).status).toBe(200)
    const now = await until(
      async () => (await (await b.api(`/alerts/${alert.id}`, { token })).json()) as AlertDetail,
      (d) => d.alert.severity === 'critical',
    )
    expect(now.alert).toMatchObject({
      severity: 'critical',
      ack: { by: 'duty-officer', note: 'đội trực đã đến' },
    })
    expect(now.transitions.map((t) => t.action)).toEqual(['raised', 'acknowledged', 'severity-changed'])
  })

  test('two officers acknowledge the same alert through different instances: one 200, one 409', async () => {
    const token = await a.login('duty-officer')
    const list = (await (await a.api('/alerts?state=open', { token })).json()) as AlertList
    const alert = list.alerts.find((x) => x.key === 'water-level:phu-an') as Alert
    const ack = (inst: typeof a, who: string) =>
      inst.login(who).then((t) =>
        inst.api(`/alerts/${alert.id}/ack`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ note: `${who} on it` }),
          token: t,
        }),
      )
    const [ra, rb] = await Promise.all([ack(a, 'duty-officer'), ack(b, 'admin')])
    expect([ra.status, rb.status].sort()).toEqual([200, 409])
    const loser = ra.status === 409 ? ra : rb
    expect(((await loser.json()) as { message: string }).message).toMatch(/already acknowledged by/)
  })
})
