import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Incident, IncidentList, Observation } from '@ioc/domain'
import { incidentReplayPath, indexNetwork } from '@ioc/domain'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadConfig } from '../src/config/config'
import { importRecording } from '../src/replay/import-recording'
import { startServer } from '../src/server'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import type { Store } from '../src/store/store'
import {
  ADMIN_PASSWORD,
  level,
  ndjson,
  network,
  speed,
  startTestServer,
  type TestServer,
} from './test-server'

let s: TestServer
let analyst: string
beforeAll(async () => {
  s = await startTestServer()
  analyst = await s.login('analyst')
})
afterAll(() => s.stop())

const FROM = Date.parse('2025-11-06T15:00:00+07:00')
const json = (body: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('incidents', () => {
  test('an analyst bookmarks a range, finds it by a word of its notes, edits and deletes it', async () => {
    const created = await s.api('/incidents', {
      method: 'POST',
      token: analyst,
      ...json({ title: 'Triều cường 6/11', notes: 'Bùi Viện ngập 50 cm', from: FROM, to: FROM + 3_600_000 }),
    })
    expect(created.status).toBe(201)
    const incident = (await created.json()) as Incident
    expect(incident).toMatchObject({ createdBy: 'analyst', title: 'Triều cường 6/11' })
    expect(incidentReplayPath(incident.id)).toBe(`/replay?incident=${incident.id}`)

    const found = (await (await s.api('/incidents?q=bui%20vien', { token: analyst })).json()) as IncidentList
    expect(found.incidents.map((i) => i.id)).toEqual([incident.id])

    const patched = await s.api(`/incidents/${incident.id}`, {
      method: 'PATCH',
      token: analyst,
      ...json({ notes: 'x' }),
    })
    expect(((await patched.json()) as Incident).notes).toBe('x')
    const backwards = await s.api(`/incidents/${incident.id}`, {
      method: 'PATCH',
      token: analyst,
      ...json({ to: FROM - 1 }),
    })
    expect(backwards.status).toBe(400)

    expect((await s.api(`/incidents/${incident.id}`, { method: 'DELETE', token: analyst })).status).toBe(204)
    expect((await s.api(`/incidents/${incident.id}`, { token: analyst })).status).toBe(404)
  })

  test('an incident without a title is refused with the field, and an operator may not bookmark', async () => {
    const bad = await s.api('/incidents', {
      method: 'POST',
      token: analyst,
      ...json({ title: ' ', from: 1, to: 2 }),
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { issues: { field: string }[] }).issues[0]?.field).toBe('title')
    const operator = await s.api('/incidents', { token: await s.login('operator') })
    expect(operator.status).toBe(403)
  })

  test('bookmarks survive a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ioc-incidents-'))
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      IOC_ADMIN_PASSWORD: ADMIN_PASSWORD,
    })
    const login = async (url: string) => {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        ...json({ name: 'admin', password: ADMIN_PASSWORD }),
      })
      return ((await res.json()) as { token: string }).token
    }
    const first = await startServer(config, network)
    const created = await fetch(`${first.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await login(first.url)}` },
      body: JSON.stringify({ title: 'Kẹt xe Nguyễn Hữu Cảnh', from: FROM, to: FROM + 60_000 }),
    })
    const incident = (await created.json()) as Incident
    await first.close()

    const second = await startServer(config, network)
    const res = await fetch(`${second.url}/api/v1/incidents/${incident.id}`, {
      headers: { authorization: `Bearer ${await login(second.url)}` },
    })
    expect(await res.json()).toEqual(incident)
    await second.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
})

describe('export', () => {
  const t0 = Date.now() - 3_600_000
  const observations: Observation[] = [
    ...Array.from({ length: 12_000 }, (_, i) => speed(i % 500, 10 + (i % 40), t0 + i * 100)),
    level('phu-an', 1.52, t0 + 5000),
    level('nha-be', 1.61, t0 + 5000),
  ]
  let store: Store
  let dir: string
  beforeAll(async () => {
    for (let i = 0; i < observations.length; i += 5000)
      expect((await s.ingest(ndjson(observations.slice(i, i + 5000)))).status).toBe(200)
    dir = mkdtempSync(join(tmpdir(), 'ioc-import-'))
    store = openSqliteStore(join(dir, 'ioc.sqlite'))
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const range = `from=${t0}&to=${t0 + 1_200_000}`

  test('an exported NDJSON range imports again to the same observations', async () => {
    const res = await s.api(`/export?${range}&format=ndjson`, { token: analyst })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?ioc-.*\.ndjson"?$/)
    const text = await res.text()
    async function* lines() {
      yield* text.split('\n')
    }
    const report = await importRecording(lines(), {
      index: indexNetwork(network),
      ingest: (batch) => store.insertObservations(batch),
    })
    expect(report).toMatchObject({ accepted: 12_002, duplicates: 0, refused: 0 })
    const all = async (st: Store) => {
      const out: Observation[] = []
      for await (const page of st.observationsInRange(t0, t0 + 1_200_000)) out.push(...page)
      return out
    }
    expect(await all(store)).toEqual(await all(s.store))
  })

  test('CSV has one header and one row per observation', async () => {
    const res = await s.api(`/export?${range}&format=csv&include=observations,alerts`, { token: analyst })
    const rows = (await res.text()).trimEnd().split('\n')
    expect(rows[0]).toBe(
      'record,time,subject_id,value,source,flow_vph,occupancy_pct,alert_id,kind,severity,threshold,unit,cleared_at,ack_by',
    )
    expect(rows.filter((r) => r.startsWith('traffic,'))).toHaveLength(12_000)
    expect(rows.filter((r) => r.startsWith('water,phu-an,') || r.startsWith('water,'))).toHaveLength(2)
  })

  test('only analysts and admins may export; a bad range is refused', async () => {
    expect((await s.api(`/export?${range}`, { token: await s.login('duty-officer') })).status).toBe(403)
    expect((await s.api(`/export?from=${t0}&to=${t0}`, { token: analyst })).status).toBe(400)
  })
})
