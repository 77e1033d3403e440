import type {
  Alert,
  AlertList,
  Observation,
  OperationsReport,
  TrafficForecast,
  WaterForecast,
} from '@ioc/domain'
import { defaultRulesConfig } from '@ioc/rules'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { restoreForecastState } from '../src/forecast/restore-forecast-state'
import { ndjson, network, startTestServer, type TestServer } from './test-server'

const MIN_MS = 60_000
const at = (iso: string) => Date.parse(`${iso}:00+07:00`)
const FROM = at('2025-11-04T00:00')
const LIVE_FROM = at('2025-11-06T12:00')
const TO = at('2025-11-06T18:00')
/** Phú An's real passage of báo động III (1.60 m) on the evening of the king tide. */
const REAL_CROSSING = at('2025-11-06T16:35')

// The king tide with two days before it for the gauges' own transfer fit; the traffic of one street.
const { scenario } = loadScenario('king-tide-2025-11-06')
const nhc = network.segments.filter((s) => s.name === 'Nguyễn Hữu Cảnh').slice(0, 4)
const recording = [
  ...generateObservations(
    {
      ...scenario,
      from: new Date(FROM).toISOString(),
      traffic: { ...scenario.traffic, segmentIds: nhc.map((s) => s.id) },
    },
    loadWorld(),
    { toMs: TO + 1 },
  ),
]

let server: TestServer
let analyst: string
beforeAll(async () => {
  // The job's own timer never fires here: the test runs it on the recording's clock.
  server = await startTestServer({ FORECAST_EVERY_S: '86400' })
  analyst = await server.login('analyst')
}, 60_000)
afterAll(() => server?.stop())

async function feed(fromMs: number, toMs: number): Promise<void> {
  const batch = recording.filter((o: Observation) => {
    const t = Date.parse(o.observedAt)
    return t >= fromMs && t < toMs
  })
  for (let i = 0; i < batch.length; i += 5000) {
    const res = await server.ingest(ndjson(batch.slice(i, i + 5000)))
    expect(res.status).toBe(200)
  }
}

async function forecastAlerts(): Promise<Alert[]> {
  const res = await server.api('/alerts?state=all&kind=forecast-water-level', { token: analyst })
  return ((await res.json()) as AlertList).alerts
}

// Thirty-seven forecast runs through the HTTP API: seconds on a busy two-core machine.
test('fed live, the king tide raises the báo động III forecast at Phú An ≥ 30 min ahead, and it is verified', async () => {
  await feed(FROM, LIVE_FROM)
  const leads: number[] = []
  for (let t = LIVE_FROM; t <= TO; t += 10 * MIN_MS) {
    await feed(t - 10 * MIN_MS + 1, t + 1)
    await server.forecasts.run(t)
    const iii = (await forecastAlerts()).find((a) => a.key === 'forecast-water-level:phu-an:III')
    if (iii?.active && iii.leadMin !== undefined) leads.push(iii.leadMin)
  }
  const iii = (await forecastAlerts()).filter((a) => a.key === 'forecast-water-level:phu-an:III')
  expect(iii).toHaveLength(1)
  const alert = iii[0] as Alert
  expect(REAL_CROSSING - alert.raisedAt).toBeGreaterThanOrEqual(30 * MIN_MS)
  expect(alert).toMatchObject({
    severity: 'major',
    active: false,
    clearedAt: REAL_CROSSING,
    outcome: 'verified',
  })
  expect(alert.message.vi).toMatch(/^Dự báo đúng: Phú An dự báo vượt báo động III lúc 1[56]:\d\d/)
  expect(alert.message.en).toMatch(
    /^Forecast verified: Phú An is forecast to pass báo động III at 1[56]:\d\d/,
  )
  // The queue showed the lead from the first forecast on (re-issued only if the crossing moves ≥ 10 min).
  expect(leads[0]).toBeGreaterThanOrEqual(30)
  expect(leads.at(-1)).toBeLessThanOrEqual(leads[0] as number)

  // The trail records the raise, its updates and the verified close.
  const detail = await server.api(`/alerts/${alert.id}`, { token: analyst })
  const actions = ((await detail.json()) as { transitions: { action: string }[] }).transitions.map(
    (t) => t.action,
  )
  expect(actions[0]).toBe('raised')
  expect(actions.at(-1)).toBe('cleared')
}, 60_000)

test('the latest curve, its band and crossings, and the traffic columns are served to viewers', async () => {
  const res = await server.api('/forecast/water/phu-an', { token: server.displayToken })
  expect(res.status).toBe(200)
  const f = (await res.json()) as WaterForecast
  expect(f.issuedAt).toBe(TO)
  expect(f.points).toHaveLength(145)
  // Two and a half days of its own readings: the transfer is Phú An's own, not the prior.
  expect(f.transfer.source).toBe('fitted')
  for (const p of f.points) expect(p.lowerM).toBeLessThanOrEqual(p.upperM)

  const traffic = await server.api('/forecast/traffic?lead=30', { token: server.displayToken })
  const t = (await traffic.json()) as TrafficForecast
  expect(t).toMatchObject({ leadMin: 30, issuedAt: TO, networkVersion: network.version })
  expect(t.segmentIdx.map((i) => network.segments[i]?.name)).toEqual(nhc.map(() => 'Nguyễn Hữu Cảnh'))
  expect((await server.api('/forecast/traffic?lead=45', { token: analyst })).status).toBe(400)
  expect((await server.api('/forecast/water/fs-001', { token: analyst })).status).toBe(404)
})

test('after a restart (or a lease handover) the verified forecast stays spent until the river falls back', async () => {
  const restored = await restoreForecastState(server.store, network, defaultRulesConfig(), TO)
  expect(restored.open.has('forecast-water-level:phu-an:III')).toBe(false)
  expect(restored.spent.get('forecast-water-level:phu-an:III')).toEqual({
    direction: 'rise',
    releaseAt: expect.closeTo(1.55, 6),
  })
})

test('the report of the day counts the verified forecast and Phú An past báo động III, in JSON and CSV', async () => {
  const query = `/reports?from=${at('2025-11-06T00:00')}&to=${TO + 1}`
  const res = await server.api(query, { token: analyst })
  expect(res.status).toBe(200)
  const city = ((await res.json()) as OperationsReport).sections[0]
  expect(city?.gauges.find((g) => g.stationId === 'phu-an')).toMatchObject({ reached: 'III' })
  expect(city?.forecastSkill[0]).toMatchObject({ kind: 'forecast-water-level', verified: expect.any(Number) })
  expect(city?.forecastSkill[0]?.verified).toBeGreaterThanOrEqual(1)
  const csv = await server.api(`${query}&format=csv`, { token: analyst })
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
  const text = await csv.text()
  expect(text.split('\r\n')[0]).toBe('district,table,subject,name,metric,value')
  expect(text).toContain('(all),gauge,phu-an,Phú An,reached,III')
  expect((await server.api(query, { token: await server.login('operator') })).status).toBe(403)
})
