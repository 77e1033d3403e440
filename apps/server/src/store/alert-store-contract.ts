import type { EngineOutput } from '@ioc/alerts'
import type { Alert, AlertEvent, Observation } from '@ioc/domain'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { AlertStore } from './alert-store'
import type { StoreHarness } from './store-contract'

const T0 = Date.parse('2025-11-06T17:00:00+07:00')
const MIN = 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const water = (stationId: string, atMs: number, value: number): Observation => ({
  type: 'water',
  stationId,
  observedAt: iso(atMs),
  value,
  source: 'sihymete',
})

/** A water-level event at Phú An, as the rules engine emits it; tests of alert handling share it. */
export function phuAnEvent(
  type: AlertEvent['type'],
  severity: AlertEvent['severity'],
  at: number,
  value: number,
): AlertEvent {
  return {
    type,
    key: 'water-level:phu-an',
    kind: 'water-level',
    subject: { type: 'station', id: 'phu-an' },
    severity,
    value,
    threshold: 1.6,
    unit: 'm',
    at,
    message: { vi: 'Phú An vượt báo động III', en: 'Phú An above alarm level III' },
  }
}
const noState = { meta: { version: 1 }, stations: {}, segments: {} }
const output = (...events: AlertEvent[]): EngineOutput => ({ events, state: noState })

/** The 6 Nov Phú An alert: raised at báo động I, up to III, eased, then cleared below the release level. */
export async function storeKingTideAlert(store: AlertStore): Promise<Alert> {
  const steps = [
    phuAnEvent('raised', 'minor', T0, 1.41),
    phuAnEvent('severity-changed', 'critical', T0 + 5 * MIN, 1.62),
    phuAnEvent('severity-changed', 'minor', T0 + 90 * MIN, 1.42),
    phuAnEvent('cleared', 'minor', T0 + 150 * MIN, 1.11),
  ]
  for (const e of steps) await store.commitEngineOutput(output(e), e.at)
  const [alert] = await store.listAlerts({ state: 'all' })
  if (!alert) throw new Error('no alert stored')
  return alert
}

/** What the king-tide alert must say after clearing: where it is now, what raised it, how high it went. */
export const KING_TIDE_ALERT = {
  active: false,
  severity: 'minor',
  value: 1.11,
  cause: { severity: 'minor', value: 1.41, threshold: 1.6, at: T0 },
  peak: { severity: 'critical', value: 1.62, threshold: 1.6, at: T0 + 5 * MIN },
}

/** The behaviour every store's alert part must show; run it from each implementation's tests. */
export function runAlertStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} alert store contract`, () => {
    let h: StoreHarness
    beforeEach(async () => {
      h = await open()
    })
    afterEach(() => h.dispose())

    test('an alert is stored with the observation that raised it, and only for observations stored', async () => {
      const derive = (stored: readonly Observation[]) =>
        output(...stored.map((o) => phuAnEvent('raised', 'critical', Date.parse(o.observedAt), 1.62)))
      const first = await h.store.insertObservationsWithAlerts([water('phu-an', T0, 1.62)], derive, T0)
      expect(first.changes.map((c) => [c.transition.action, c.transition.by, c.transition.origin])).toEqual([
        ['raised', 'system', 'engine'],
      ])
      // The same reading again is a duplicate: the engine sees nothing, no second alert.
      const again = await h.store.insertObservationsWithAlerts([water('phu-an', T0, 1.62)], derive, T0)
      expect(again).toMatchObject({ accepted: 0, duplicates: 1, changes: [] })
      expect(await h.store.listAlerts({ state: 'all' })).toHaveLength(1)
    })

    test('a cleared alert still says what raised it and the báo động it reached', async () => {
      expect(await storeKingTideAlert(h.store)).toMatchObject(KING_TIDE_ALERT)
      const reopened = await h.reopen()
      expect(await reopened.listAlerts({ state: 'all' })).toMatchObject([KING_TIDE_ALERT])
    })

    test('when storing the alerts fails, the observations are not stored either', async () => {
      const failing = () => {
        throw new Error('engine bug')
      }
      await expect(
        h.store.insertObservationsWithAlerts([water('phu-an', T0, 1.62)], failing, T0),
      ).rejects.toThrow()
      expect(await h.store.countObservations()).toBe(0)
    })

    test('the engine state written with a batch is read back whole after a reopen', async () => {
      const state = {
        meta: { version: 1, networkVersion: 'v1', silenceBaselineMs: null },
        stations: { 'phu-an': { lastAtMs: T0 } },
        segments: {},
      }
      await h.store.insertObservationsWithAlerts(
        [water('phu-an', T0, 1.2)],
        () => ({ events: [], state }),
        T0,
      )
      await h.store.commitEngineOutput(
        { events: [], state: { ...state, stations: { 'nha-be': { lastAtMs: T0 + MIN } } } },
        T0,
      )
      const reopened = await h.reopen()
      expect(await reopened.loadRulesState()).toEqual({
        version: 1,
        networkVersion: 'v1',
        silenceBaselineMs: null,
        stations: { 'phu-an': { lastAtMs: T0 }, 'nha-be': { lastAtMs: T0 + MIN } },
        segments: {},
      })
    })

    test('a segment reads back with the time and sources of its latest reading when nothing else of it changed', async () => {
      const meta = { version: 1, networkVersion: 'v1', silenceBaselineMs: null }
      const congestion = { level: 0, enterSinceMs: [null], leaveSinceMs: [null], open: null }
      for (const at of [T0, T0 + MIN, T0 + 2 * MIN]) {
        const reading: Observation = {
          type: 'traffic',
          segmentId: 'seg-1',
          observedAt: iso(at),
          speedKph: 40,
          source: 'tomtom',
        }
        // As the alert service sends it: a store that derives read times hears of the segment once.
        const segments =
          at === T0 || !h.store.derivesSegmentReadTimes
            ? { 'seg-1': { lastAtMs: at, lastSources: ['tomtom'], congestion } }
            : {}
        await h.store.insertObservationsWithAlerts(
          [reading],
          () => ({ events: [], state: { meta, stations: {}, segments } }),
          at,
        )
      }
      const reopened = await h.reopen()
      expect((await reopened.loadRulesState())?.segments).toEqual({
        'seg-1': { lastAtMs: T0 + 2 * MIN, lastSources: ['tomtom'], congestion },
      })
    })

    test('severity changes and the clear update the one alert; the trail lists them in order', async () => {
      const [raised] = await h.store.commitEngineOutput(output(phuAnEvent('raised', 'minor', T0, 1.42)), T0)
      const id = raised?.alert.id as string
      await h.store.commitEngineOutput(output(phuAnEvent('severity-changed', 'critical', T0 + MIN, 1.61)), T0)
      await h.store.commitEngineOutput(output(phuAnEvent('cleared', 'critical', T0 + 60 * MIN, 1.3)), T0)
      expect(await h.store.getAlert(id)).toMatchObject({
        severity: 'critical',
        active: false,
        clearedAt: T0 + 60 * MIN,
      })
      expect((await h.store.listTransitions(id)).map((t) => [t.seq, t.action])).toEqual([
        [1, 'raised'],
        [2, 'severity-changed'],
        [3, 'cleared'],
      ])
      expect(await h.store.listAlerts({ state: 'cleared' })).toHaveLength(1)
      expect(await h.store.listAlerts({ state: 'active' })).toHaveLength(0)
    })

    test('of two acknowledgements only the first applies; the second learns who and when', async () => {
      const [raised] = await h.store.commitEngineOutput(
        output(phuAnEvent('raised', 'critical', T0, 1.62)),
        T0,
      )
      const id = raised?.alert.id as string
      const [a, b] = await Promise.all([
        h.store.actOnAlert(id, { type: 'acknowledge', note: 'on it' }, 'lan', T0 + MIN, '10.0.0.1'),
        h.store.actOnAlert(id, { type: 'acknowledge', note: 'me too' }, 'minh', T0 + MIN, '10.0.0.2'),
      ])
      expect(a).toMatchObject({ ok: true, value: { alert: { ack: { by: 'lan' } } } })
      expect(b).toEqual({ ok: false, error: { code: 'already_acknowledged', by: 'lan', at: T0 + MIN } })
      expect(await h.store.actOnAlert('nope', { type: 'acknowledge', note: '' }, 'lan', T0, 'x')).toEqual({
        ok: false,
        error: { code: 'not_found' },
      })
      const trail = await h.store.listTransitions(id)
      expect(trail.at(-1)).toMatchObject({
        action: 'acknowledged',
        by: 'lan',
        origin: '10.0.0.1',
        note: 'on it',
      })
    })

    test('an unacknowledged critical alert escalates once', async () => {
      const [raised] = await h.store.commitEngineOutput(
        output(phuAnEvent('raised', 'critical', T0, 1.62)),
        1000,
      )
      expect(await h.store.escalateDue(999, 2000)).toEqual([])
      const escalated = await h.store.escalateDue(1000, 2000)
      expect(escalated.map((c) => [c.alert.id, c.alert.escalatedAt, c.transition.action])).toEqual([
        [raised?.alert.id, 2000, 'escalated'],
      ])
      expect(await h.store.escalateDue(5000, 6000)).toEqual([])
    })

    test('an alert raised on a silenced subject is recorded as silenced and never escalates', async () => {
      const silence = await h.store.createSilence(
        { subject: { type: 'station', id: 'phu-an' }, reason: 'maintenance', until: T0 + 60 * MIN },
        'lan',
        T0,
      )
      expect(await h.store.listSilences(T0 + MIN)).toEqual([silence])
      const [raised] = await h.store.commitEngineOutput(
        output(phuAnEvent('raised', 'critical', T0, 1.62)),
        T0 + MIN,
      )
      expect(raised?.alert.silenced).toBe(true)
      expect(await h.store.escalateDue(T0 + 10 * MIN, T0 + 10 * MIN)).toEqual([])
      expect(await h.store.cancelSilence(silence.id, T0 + 2 * MIN)).toMatchObject({
        cancelledAt: T0 + 2 * MIN,
      })
      expect(await h.store.cancelSilence(silence.id, T0 + 3 * MIN)).toBeNull()
      expect(await h.store.listSilences(T0 + 3 * MIN)).toEqual([])
    })

    test('webhook attempts are kept per alert, in order', async () => {
      const [raised] = await h.store.commitEngineOutput(
        output(phuAnEvent('raised', 'critical', T0, 1.62)),
        T0,
      )
      const alertId = raised?.alert.id as string
      const base = { alertId, url: 'http://gw/hook', reason: 'critical' as const, durationMs: 3 }
      await h.store.recordDelivery({
        ...base,
        attempt: 1,
        at: T0,
        status: 503,
        ok: false,
        error: 'answered 503',
      })
      await h.store.recordDelivery({ ...base, attempt: 2, at: T0 + 1, status: 200, ok: true, error: null })
      expect((await h.store.listDeliveries(alertId)).map((d) => [d.attempt, d.ok])).toEqual([
        [1, false],
        [2, true],
      ])
    })
  })
}
