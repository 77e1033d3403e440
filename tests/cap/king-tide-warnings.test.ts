import {
  capToXml,
  draftWarning,
  planWarning,
  publishWarning,
  type WarningSource,
  warningFeed,
  warningPlace,
} from '@ioc/cap'
import { type Alert, type AlertEvent, formatLocalHhMm, newAlert, type PublicWarning } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig, runRules } from '@ioc/rules'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { XMLParser } from 'fast-xml-parser'
import { beforeAll, describe, expect, test } from 'vitest'
import { capValues, checkCap12 } from './cap-1.2-dictionary'

// The king tide of 6 Nov 2025 (fixtures/recordings/king-tide-2025-11-06.json) through the rules engine,
// every alert change through the public-warning planner, every draft published at once (auto-publish):
// the messages the public would have received.
const network = loadNetwork()
const source: WarningSource = {
  sender: 'ioc.tphcm',
  senderName: { vi: 'Trung tâm điều hành IOC TP.HCM', en: 'HCMC IOC' },
  status: 'Exercise',
}
const warnings: PublicWarning[] = []

/** The alerts the server would store, one per key at a time, after each engine event. */
function* alertChanges(events: readonly AlertEvent[]): Generator<Alert> {
  const open = new Map<string, Alert>()
  let n = 0
  for (const e of events) {
    const held = open.get(e.key)
    const values = { severity: e.severity, value: e.value, threshold: e.threshold, message: e.message }
    let alert: Alert
    if (e.type === 'cleared' && held) {
      alert = { ...held, ...values, severity: held.severity, active: false, clearedAt: e.at, updatedAt: e.at }
      open.delete(e.key)
    } else if (held) {
      alert = { ...held, ...values, updatedAt: e.at }
      open.set(e.key, alert)
    } else {
      alert = newAlert({
        id: `alert-${++n}`,
        key: e.key,
        kind: e.kind,
        subject: e.subject,
        unit: e.unit,
        raisedAt: e.at,
        ...values,
      })
      open.set(e.key, alert)
    }
    yield alert
  }
}

/** The alert key each warning is about. */
const keyOf = new Map<string, string>()

beforeAll(() => {
  const { scenario } = loadScenario('king-tide-2025-11-06')
  const events = runRules(network, defaultRulesConfig(), generateObservations(scenario, loadWorld()))
  let id = 0
  for (const alert of alertChanges(events)) {
    const own = warnings.filter((w) => w.alertId === alert.id)
    const plan = planWarning(alert, own)
    if (plan.type !== 'draft') continue
    const place = warningPlace(network, alert.subject)
    if (!place) throw new Error(`no place for ${alert.key}`)
    const identifier = `msg-${++id}`
    const draft = draftWarning(alert, place, { ...plan, identifier }, own, source, alert.updatedAt)
    warnings.push(publishWarning(draft, null, alert.updatedAt))
    keyOf.set(identifier, alert.key)
  }
})

/** Local wall-clock time in HCMC. */
const localTime = (ms: number | null) => formatLocalHhMm(ms ?? 0)
const about = (key: string) => warnings.filter((w) => keyOf.get(w.id) === key)
const vi = (w: PublicWarning) => w.message.info.find((i) => i.language === 'vi-VN')
const sensorOf = (street: string) => {
  const point = network.floodPoints.find((p) => p.street === street)
  return network.stations.find((s) => s.kind === 'street-flood-sensor' && s.floodPointId === point?.id)?.id
}

describe('public warnings of the king tide of 6 Nov 2025', () => {
  test('every message is valid CAP 1.2, in Vietnamese and English', () => {
    expect(warnings.length).toBeGreaterThan(10)
    for (const w of warnings) {
      expect(checkCap12(capToXml(w.message)), w.id).toEqual([])
      expect(w.message.info.map((i) => i.language)).toEqual(['vi-VN', 'en-US'])
    }
  })

  test('Phú An: a warning at báo động II, updates at III and back at II, then the all-clear at I', () => {
    const evening = about('water-level:phu-an').filter((w) => localTime(w.publishedAt) > '12:00')
    expect(evening.map((w) => [localTime(w.publishedAt), w.message.msgType, vi(w)?.headline])).toEqual([
      ['16:20', 'Alert', 'Phú An vượt báo động II'],
      ['16:35', 'Update', 'Phú An vượt báo động III'],
      ['19:25', 'Update', 'Phú An vượt báo động II'],
      ['19:40', 'Update', 'Hết cảnh báo: Phú An (Sông Sài Gòn), Thành phố Thủ Đức'],
    ])
    expect(evening.map((w) => vi(w)?.severity)).toEqual(['Moderate', 'Severe', 'Moderate', 'Minor'])
    expect(vi(evening[3] as PublicWarning)?.responseType).toEqual(['AllClear'])
  })

  test('every Update references the first message of its alert as sender,identifier,sent, then the later ones', () => {
    const alertIds = new Set(warnings.map((w) => w.alertId))
    for (const alertId of alertIds) {
      const [first, ...later] = warnings.filter((w) => w.alertId === alertId)
      if (!first) continue
      expect(first.message.msgType).toBe('Alert')
      later.forEach((w, k) => {
        const xml = capToXml(w.message)
        const refs = (capValues(xml, 'references')[0] ?? '').split(' ')
        expect(refs[0]).toBe(`ioc.tphcm,${first.id},${first.message.sent}`)
        expect(refs).toHaveLength(k + 1)
      })
    }
  })

  test('a flooded street is warned of over its mapped outline, or a 300 m circle where OSM has none', () => {
    const tranXuanSoan = about(`street-flood:${sensorOf('Trần Xuân Soạn')}`)[0]
    const polygon = capValues(
      capToXml(tranXuanSoan?.message as PublicWarning['message']),
      'info/area/polygon',
    )
    expect(polygon[0]?.split(' ')[0]).toBe('10.7568,106.7012')
    const buiVien = about(`street-flood:${sensorOf('Bùi Viện')}`)[0]
    expect(capValues(capToXml(buiVien?.message as PublicWarning['message']), 'info/area/circle')[0]).toMatch(
      /^10\.\d+,106\.\d+ 0\.3$/,
    )
    expect(vi(buiVien as PublicWarning)?.headline).toMatch(/^Ngập Bùi Viện, Quận 1/)
  })
})

describe('the Atom feed of those messages', () => {
  const atom = () =>
    new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link'].includes(name) }).parse(
      warningFeed(warnings, {
        id: 'urn:uuid:6f1c1c9e-2b1f-5f5e-9c43-7f0a0d6c4e11',
        title: 'Cảnh báo công cộng',
        author: 'IOC TP.HCM',
        selfHref: '/cap/feed.atom',
        messageHref: (id) => `/cap/${id}.xml`,
        lang: 'vi',
      }),
    ).feed

  test('has one entry per message, newest first, each linking its CAP document', () => {
    const feed = atom()
    expect(feed.entry).toHaveLength(warnings.length)
    const ids = feed.entry.map((e: { id: string }) => e.id)
    expect(new Set(ids).size).toBe(warnings.length)
    const updated = feed.entry.map((e: { updated: string }) => e.updated)
    expect([...updated].sort().reverse()).toEqual(updated)
    expect(feed.updated).toBe(updated[0])
    for (const e of feed.entry)
      expect(e.link).toContainEqual(
        expect.objectContaining({ '@_rel': 'alternate', '@_type': 'application/cap+xml' }),
      )
  })

  test('meets the MUSTs of RFC 4287 for a feed and its entries', () => {
    const feed = atom()
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[-+]\d\d:\d\d)$/
    const iri = /^[a-z][a-z0-9+.-]*:\S+$/i
    expect(feed.id).toMatch(iri)
    expect(feed.title).toBeTruthy()
    expect(feed.updated).toMatch(rfc3339)
    expect(feed.author.name).toBeTruthy()
    expect(feed.link).toContainEqual(expect.objectContaining({ '@_rel': 'self' }))
    for (const e of feed.entry) {
      expect(e.id).toMatch(iri)
      expect(e.title).toBeTruthy()
      expect(e.updated).toMatch(rfc3339)
      expect(e.published).toMatch(rfc3339)
      expect(e.summary).toBeTruthy()
    }
  })
})
