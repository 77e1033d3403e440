import { randomBytes } from 'node:crypto'
import type { DeadLetter, StateDelta } from '@ioc/domain'
import mqtt from 'mqtt'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadConfig } from '../src/config/config'
import { startServer } from '../src/server'
import { until } from './scale-cluster'
import { ADMIN_PASSWORD, network, next, startTestServer, stationIdx, type TestServer } from './test-server'

const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883'
// A client id of this run's own: the broker keeps a session per id.
const CLIENT_ID = `ioc-test-${randomBytes(4).toString('hex')}`
const env = { MQTT_URL, MQTT_CLIENT_ID: CLIENT_ID }

let s: TestServer
let publisher: mqtt.MqttClient
beforeAll(async () => {
  s = await startTestServer(env)
  publisher = await mqtt.connectAsync(MQTT_URL, { clientId: `${CLIENT_ID}-pub` })
  // The subscription is in place once the server's session exists on the broker.
  await new Promise((r) => setTimeout(r, 300))
})
afterAll(async () => {
  await s.stop()
  await publisher.endAsync()
  // Ends the persistent session so the broker queues nothing more for this run.
  const cleanup = await mqtt.connectAsync(MQTT_URL, { clientId: CLIENT_ID, clean: true })
  await cleanup.endAsync()
})

const reading = (value: number, atMs = Date.now() - 60_000) =>
  JSON.stringify({ observedAt: new Date(atMs).toISOString(), value, source: 'mqtt-gauge' })
const publish = (topic: string, payload: string) => publisher.publishAsync(topic, payload, { qos: 1 })
const waterAt = (stationId: string, atMs: number) =>
  s.store.history({ type: 'water', subjectId: stationId, fromMs: atMs, toMs: atMs + 1, maxPoints: 10 })

describe('MQTT ingest', () => {
  test('water readings published to the broker are stored and pushed to live clients', async () => {
    const socket = s.socket({ auth: { token: s.displayToken } })
    await next(socket, 'state:snapshot')
    const idx = stationIdx('nha-be')
    const pushed = new Promise<StateDelta>((resolve) =>
      socket.on('state:delta', (d: StateDelta) => {
        if (d.water.stationIdx.includes(idx)) resolve(d)
      }),
    )
    const at = Date.now() - 120_000
    await publish('hcmc/water/nha-be', reading(1.37, at))
    const delta = await pushed
    expect(delta.water.value[delta.water.stationIdx.indexOf(idx)]).toBe(1.37)
    expect((await waterAt('nha-be', at)).points).toEqual([
      { observedAt: at, value: 1.37, min: 1.37, max: 1.37, count: 1 },
    ])
  })

  test('malformed messages land in the dead letters with their reason, and nothing is stored', async () => {
    const before = await s.store.countObservations()
    await publish('hcmc/water/phu-an', '{"value": 1.4, "observedAt": ')
    await publish(
      'hcmc/water/phu-an',
      JSON.stringify({ stationId: 'nha-be', observedAt: new Date().toISOString(), value: 1.2, source: 'x' }),
    )
    await publish('hcmc/water/no-such-gauge', reading(1.1))
    await publish(
      'hcmc/water/nha-be',
      JSON.stringify({ observedAt: '1900-01-01T00:00:00+07:00', value: 1.2, source: 'x' }),
    )
    const token = await s.login('admin', ADMIN_PASSWORD)
    const letters = await until(
      async () => (await (await s.api('/dead-letters', { token })).json()) as DeadLetter[],
      (l) => l.length >= 4,
    )
    expect(letters.map((l) => [l.topic, l.reason])).toEqual([
      [
        'hcmc/water/nha-be',
        expect.stringMatching(/^observedAt: 1900-01-01T00:00:00\+07:00 is before the ingest horizon/),
      ],
      ['hcmc/water/no-such-gauge', 'stationId: unknown station "no-such-gauge"'],
      ['hcmc/water/phu-an', 'stationId: "nha-be" does not match the topic\'s "phu-an"'],
      ['hcmc/water/phu-an', expect.stringMatching(/^\(root\): malformed JSON/)],
    ])
    expect(letters[3]?.payload).toBe('{"value": 1.4, "observedAt": ')
    expect(await s.store.countObservations()).toBe(before)
    // Admins only.
    expect((await s.api('/dead-letters', { token: await s.login('operator') })).status).toBe(403)
  })

  test('a reading published while the server is down is stored once it is back', async () => {
    await s.close()
    const at = Date.now() - 90_000
    await publish('hcmc/water/thu-dau-mot', reading(1.21, at))
    expect((await waterAt('thu-dau-mot', at)).points).toEqual([])
    const again = await startServer(
      loadConfig({
        PORT: '0',
        DATA_DIR: s.dataDir,
        LOG_LEVEL: 'silent',
        IOC_ADMIN_PASSWORD: ADMIN_PASSWORD,
        ...env,
      }),
      network,
    )
    try {
      const h = await until(
        () => waterAt('thu-dau-mot', at),
        (r) => r.points.length > 0,
      )
      expect(h.points.map((p) => p.value)).toEqual([1.21])
    } finally {
      await again.close()
    }
  })
})
