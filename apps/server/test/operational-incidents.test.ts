import type {
  AlertDetail,
  OperationalIncident,
  OperationalIncidentDetail,
  OperationalIncidentList,
  ShiftHandover,
} from '@ioc/domain'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { level, ndjson, next, startTestServer, type TestServer } from './test-server'

let s: TestServer
let officer: string
const post = (path: string, body: unknown, token = officer) =>
  s.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    token,
  })
const openIncidents = async (token = officer) =>
  ((await (await s.api('/operational-incidents', { token })).json()) as OperationalIncidentList).incidents

beforeAll(async () => {
  s = await startTestServer()
  officer = await s.login('duty-officer')
}, 30_000)
afterAll(() => s.stop())

test('two flooded streets of Quận 7 and Phú An past báo động III are worked as incidents', async () => {
  const socket = s.socket({ auth: { token: officer } })
  await next(socket, 'state:snapshot')
  const pushed = next<OperationalIncident>(socket, 'operational-incident:changed')
  // Huỳnh Tấn Phát and Trần Xuân Soạn past 50 cm (impassable), Phú An above báo động III (1.60 m).
  expect(
    (await s.ingest(ndjson([level('fs-026', 62), level('fs-025', 55), level('phu-an', 1.7)]))).status,
  ).toBe(200)
  expect((await pushed).status).toBe('open')

  const incidents = await openIncidents()
  const flood = incidents.find((i) => i.grouping.rule === 'street-flood')
  expect(flood?.grouping).toMatchObject({ district: 'Quận 7', cause: 'tide' })
  expect(flood?.members.map((m) => m.subject.id).sort()).toEqual(['fs-025', 'fs-026'])
  expect(flood?.grouping.driver).toMatchObject({ stationId: 'phu-an', severity: 'critical' })
  expect(flood?.checklist.map((p) => p.procedureId)).toEqual(['street-flood-deep'])
  const gauge = incidents.find((i) => i.grouping.rule === 'gauge')
  expect(gauge?.checklist.map((p) => p.procedureId)).toEqual(['gauge-bao-dong-3'])
})

test('acknowledging the incident acknowledges each of its alerts, audited on both', async () => {
  const flood = (await openIncidents()).find((i) => i.grouping.rule === 'street-flood') as OperationalIncident
  const res = await post(`/operational-incidents/${flood.id}/ack`, { note: 'đã nhận' })
  expect(res.status).toBe(200)
  const acked = (await res.json()) as OperationalIncident
  expect(acked.ack).toMatchObject({ by: 'duty-officer', note: 'đã nhận' })
  expect(acked.members.every((m) => m.acked)).toBe(true)

  for (const m of flood.members) {
    const detail = (await (await s.api(`/alerts/${m.alertId}`, { token: officer })).json()) as AlertDetail
    expect(detail.alert.ack?.by).toBe('duty-officer')
    expect(detail.transitions.map((t) => t.action)).toContain('acknowledged')
  }
  const trail = (await (
    await s.api(`/operational-incidents/${flood.id}`, { token: officer })
  ).json()) as OperationalIncidentDetail
  const ack = trail.events.find((e) => e.action === 'acknowledged')
  expect(ack?.details.alertIds).toEqual(expect.arrayContaining(flood.members.map((m) => m.alertId)))

  // Once every alert is acknowledged, a second acknowledgement has nothing to do: it is still recorded.
  expect((await post(`/operational-incidents/${flood.id}/ack`, {})).status).toBe(200)
})

test('a checklist tick is kept with who and when, and shows in the trail; an unknown step is refused', async () => {
  const gauge = (await openIncidents()).find((i) => i.grouping.rule === 'gauge') as OperationalIncident
  const res = await post(`/operational-incidents/${gauge.id}/tick`, {
    procedureId: 'gauge-bao-dong-3',
    stepId: 'send-pumps',
    done: true,
  })
  expect(res.status).toBe(200)
  const ticked = (await res.json()) as OperationalIncident
  const step = ticked.checklist[0]?.steps.find((x) => x.id === 'send-pumps')
  expect(step?.tick?.by).toBe('duty-officer')
  const trail = (await (
    await s.api(`/operational-incidents/${gauge.id}`, { token: officer })
  ).json()) as OperationalIncidentDetail
  expect(trail.events.at(-1)).toMatchObject({ action: 'step-ticked', details: { stepId: 'send-pumps' } })

  const bad = await post(`/operational-incidents/${gauge.id}/tick`, {
    procedureId: 'gauge-bao-dong-3',
    stepId: 'x',
  })
  expect(bad.status).toBe(400)
  // Operators watch; they do not tick.
  const operator = await s.login('operator')
  expect(
    (await post(`/operational-incidents/${gauge.id}/tick`, { procedureId: 'x', stepId: 'y' }, operator))
      .status,
  ).toBe(403)
})

test('the shift handover lists the open incidents and what was done, and reads back', async () => {
  const res = await post('/handovers', {
    from: Date.now() - 3_600_000,
    to: Date.now() + 1000,
    note: 'Bơm chạy',
  })
  expect(res.status).toBe(201)
  const h = (await res.json()) as ShiftHandover
  expect(h.open.map((i) => i.grouping.rule).sort()).toEqual(['gauge', 'street-flood'])
  expect(h.done.map((e) => e.action)).toEqual(expect.arrayContaining(['acknowledged', 'step-ticked']))
  expect(h.done.every((e) => e.by === 'duty-officer')).toBe(true)
  expect(await (await s.api(`/handovers/${h.id}`, { token: officer })).json()).toEqual(h)
})

test('resolving the incident resolves its alerts once cleared, or forced with a note; it then closes', async () => {
  const flood = (await openIncidents()).find((i) => i.grouping.rule === 'street-flood') as OperationalIncident
  const refused = await post(`/operational-incidents/${flood.id}/resolve`, { note: 'rút nước' })
  expect(refused.status).toBe(409)
  const res = await post(`/operational-incidents/${flood.id}/resolve`, { note: 'đã bơm xong', force: true })
  expect(res.status, await res.clone().text()).toBe(200)
  expect((await openIncidents()).map((i) => i.id)).not.toContain(flood.id)
  const closed = (await (
    await s.api(`/operational-incidents/${flood.id}`, { token: officer })
  ).json()) as OperationalIncidentDetail
  expect(closed.incident).toMatchObject({ status: 'resolved', resolution: { by: 'duty-officer' } })
  expect(closed.events.map((e) => e.action)).toEqual(expect.arrayContaining(['resolved', 'closed']))
})

test('after a restart the open incidents are as they were', async () => {
  const before = await openIncidents()
  await s.close()
  const again = await startTestServer({ DATA_DIR: s.dataDir })
  try {
    const token = await again.login('duty-officer')
    const after = (
      (await (await again.api('/operational-incidents', { token })).json()) as OperationalIncidentList
    ).incidents
    expect(after.length).toBeGreaterThan(0)
    expect(after).toEqual(before)
  } finally {
    await again.stop()
  }
  // Two server starts on a two-core machine shared with other suites.
}, 30_000)
