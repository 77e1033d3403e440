import type { AuditEntry, Observation, PublicWarning, PublicWarningList } from '@ioc/domain'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type E2eServer, startE2eServer } from '../e2e/e2e-server'
import { capValues, checkCap12 } from './cap-1.2-dictionary'

// The king tide evening of 6 Nov 2025 fed to the real server, with a duty officer deciding the public
// warnings as they come: flooded streets go out at once (CAP_AUTO_PUBLISH), gauges wait for approval.
let s: E2eServer
let officer: string
let operator: string
let admin: string

const api = async (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${s.url}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  })
const warnings = async (query = '') =>
  ((await (await api(`/warnings${query}`, officer)).json()) as PublicWarningList).warnings
const ofStation = (ws: PublicWarning[], name: string) =>
  ws.filter((w) => w.message.info[0]?.area[0]?.areaDesc.startsWith(name))
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const end = Date.now() + 10_000
  for (;;) {
    const v = await read()
    if (ok(v) || Date.now() > end) return v
    await new Promise((r) => setTimeout(r, 100))
  }
}
const decide = (id: string, what: 'approve' | 'reject' | 'withdraw', note = '', token = officer) =>
  api(`/warnings/${id}/${what}`, token, { method: 'POST', body: JSON.stringify({ note }) })
const cap = (id: string) => fetch(`${s.url}/cap/${id}.xml`)

const at = (local: string) => Date.parse(`2025-11-06T${local}:00+07:00`)
let evening: Observation[] = []

/**
 * Feeds the evening's readings between two local times in batches of 5,000. They are simulated before
 * the server starts: simulating while connected blocks the event loop past the server's keep-alive
 * (5 s) on a loaded machine, and the next request then reuses a socket the server has just closed.
 */
async function feed(fromLocal: string, toLocal: string) {
  const batch = evening.filter((o) => {
    const t = Date.parse(o.observedAt)
    return t >= at(fromLocal) && t < at(toLocal)
  })
  for (let i = 0; i < batch.length; i += 5_000) await s.ingest(batch.slice(i, i + 5_000))
}

beforeAll(async () => {
  const { scenario } = loadScenario('king-tide-2025-11-06')
  evening = [...generateObservations(scenario, loadWorld(), { fromMs: at('16:00'), toMs: at('20:30') })]
  s = await startE2eServer({
    CAP_AUTO_PUBLISH: 'street-flood',
    CAP_STATUS: 'Exercise',
    CAP_SENDER: 'ioc.test',
  })
  officer = await s.login(s.users['duty-officer'])
  operator = await s.login(s.users.operator)
  admin = await s.login('admin')
})
afterAll(() => s?.close())

describe('public warnings of the king tide evening, decided by a duty officer', () => {
  let first: PublicWarning

  test('Phú An past báo động III waits in the queue as one draft Alert, and is not public', async () => {
    await feed('16:00', '17:00')
    const pending = await until(
      async () => ofStation(await warnings('?state=pending'), 'Phú An'),
      (ws) => ws.some((w) => w.alertSeverity === 'critical'),
    )
    expect(pending).toHaveLength(1)
    first = pending[0] as PublicWarning
    expect(first.message).toMatchObject({ msgType: 'Alert', sent: null, status: 'Exercise' })
    expect(first.message.info.map((i) => i.headline)).toEqual([
      'Phú An vượt báo động III',
      'Phú An above alarm level III',
    ])
    // The báo động II draft of 16:45 was replaced before anyone decided.
    expect(ofStation(await warnings('?state=superseded'), 'Phú An').map((w) => w.alertSeverity)).toEqual([
      'major',
    ])
    expect((await cap(first.id)).status).toBe(404)
  })

  test('an operator may see the queue but not decide; a rejection needs a reason', async () => {
    expect((await api('/warnings?state=pending', operator)).status).toBe(200)
    expect((await decide(first.id, 'approve', '', operator)).status).toBe(403)
    const res = await decide(first.id, 'reject', '  ')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      issues: [{ field: 'note', message: 'a rejection needs a reason' }],
    })
  })

  test('approved, it is public as valid CAP 1.2, sent when approved, with nothing of who approved it', async () => {
    const before = Date.now()
    const res = await decide(first.id, 'approve', 'Đã kiểm tra với trạm')
    expect(res.status).toBe(200)
    first = (await res.json()) as PublicWarning
    expect(first.state).toBe('published')
    expect(Date.parse(first.message.sent as string)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    const served = await cap(first.id)
    expect(served.headers.get('content-type')).toMatch(/^application\/cap\+xml/)
    const xml = await served.text()
    expect(checkCap12(xml)).toEqual([])
    expect(capValues(xml, 'status')).toEqual(['Exercise'])
    expect(xml).not.toContain(s.users['duty-officer'])
    expect(xml).not.toContain('Đã kiểm tra')
    const again = await decide(first.id, 'approve')
    expect(again.status).toBe(409)
    expect(((await again.json()) as { message: string }).message).toMatch(/already published by truc\.ban/)
  })

  test('the fall below báo động II is an all-clear Update referencing the first message', async () => {
    await feed('17:00', '20:30')
    const pending = await until(
      async () => ofStation(await warnings('?state=pending'), 'Phú An'),
      (ws) => ws.some((w) => w.phase === 'all-clear'),
    )
    expect(pending).toHaveLength(1)
    const clear = pending[0] as PublicWarning
    expect(clear.message.msgType).toBe('Update')
    expect(clear.message.references).toEqual([
      { sender: 'ioc.test', identifier: first.id, sent: first.message.sent },
    ])
    const published = (await (await decide(clear.id, 'approve')).json()) as PublicWarning
    const xml = await (await cap(clear.id)).text()
    expect(checkCap12(xml)).toEqual([])
    expect(capValues(xml, 'references')).toEqual([`ioc.test,${first.id},${first.message.sent}`])
    expect(capValues(xml, 'info/responseType')).toEqual(['AllClear', 'AllClear'])
    expect(capValues(xml, 'sent')).toEqual([published.message.sent])
  })

  test('flooded streets were published at once, each a valid CAP message', async () => {
    const streets = (await warnings('?state=published')).filter((w) => w.kind === 'street-flood')
    expect(streets.length).toBeGreaterThan(0)
    for (const w of streets) {
      expect(w.decision).toBeNull()
      expect(checkCap12(await (await cap(w.id)).text()), w.id).toEqual([])
    }
  })

  test('a rejected draft is audited and never public', async () => {
    const draft = (await warnings('?state=pending'))[0]
    if (!draft) throw new Error('no pending draft left to reject')
    const res = await decide(draft.id, 'reject', 'Cảm biến đang bảo trì')
    expect(((await res.json()) as PublicWarning).state).toBe('rejected')
    expect((await cap(draft.id)).status).toBe(404)
    const entries = (await (await api('/audit?limit=200', admin)).json()) as AuditEntry[]
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'warning-rejected',
        target: draft.id,
        reason: 'Cảm biến đang bảo trì',
      }),
    )
    expect(entries).toContainEqual(expect.objectContaining({ action: 'warning-approved', target: first.id }))
  })

  test('withdrawn, the alert gets a Cancel referencing every message it had', async () => {
    const res = await decide(first.id, 'withdraw', 'Cảnh báo phát nhầm')
    expect(res.status).toBe(200)
    const cancel = (await res.json()) as PublicWarning
    const xml = await (await cap(cancel.id)).text()
    expect(checkCap12(xml)).toEqual([])
    expect(capValues(xml, 'msgType')).toEqual(['Cancel'])
    const refs = (capValues(xml, 'references')[0] ?? '').split(' ')
    expect(refs).toHaveLength(2)
    expect(refs[0]).toBe(`ioc.test,${first.id},${first.message.sent}`)
    expect((await decide(first.id, 'withdraw', 'again')).status).toBe(409)
  })

  test('the Atom feed has one entry per published message, each linking a valid CAP document', async () => {
    const published = await warnings('?state=published&limit=500')
    const res = await fetch(`${s.url}/cap/feed.atom`)
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/)
    const feed = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => n === 'entry' || n === 'link',
    }).parse(await res.text()).feed
    expect(feed.entry).toHaveLength(published.length)
    const hrefs = feed.entry.map((e: { link: { '@_href': string }[] }) => e.link[0]?.['@_href'])
    expect(new Set(hrefs)).toEqual(new Set(published.map((w) => `/cap/${w.id}.xml`)))
    const en = await (await fetch(`${s.url}/cap/feed.atom?lang=en`)).text()
    expect(en).toContain('<title>All clear: Phú An (Sông Sài Gòn), Thành phố Thủ Đức</title>')
    expect((await fetch(`${s.url}/cap/feed.atom?lang=fr`)).status).toBe(400)
  })

  test('the public side is anonymous, read-only and cached; the staff side is not public', async () => {
    const res = await cap(first.id)
    const etag = res.headers.get('etag') as string
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect((await fetch(`${s.url}/cap/${first.id}.xml`, { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    )
    expect((await fetch(`${s.url}/cap/feed.atom`, { method: 'POST' })).status).toBe(405)
    expect((await fetch(`${s.url}/api/v1/warnings`)).status).toBe(401)
    expect((await fetch(`${s.url}/cap/nothing.xml`)).status).toBe(404)
  })
})
