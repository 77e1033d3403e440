import { randomUUID } from 'node:crypto'
import {
  createAlertBook,
  stepEscalation,
  stepEvents,
  stepObservations,
  stepOfficerAction,
  type Turn,
} from '@ioc/alerts'
import type { Alert, AlertAction, AlertEvent, Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { createRulesEngine, defaultRulesConfig, RulesEngineState, type SegmentState } from '@ioc/rules'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { AlertChange, AlertStore } from './alert-store'
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
/** Nguyễn Hữu Cảnh (Bình Thạnh), free flow 35 km/h: below 14 km/h for 10 min is congestion. */
const NGUYEN_HUU_CANH = 'seg-1278052498-2028465833'
const traffic = (atMs: number, speedKph: number, source: string): Observation => ({
  type: 'traffic',
  segmentId: NGUYEN_HUU_CANH,
  observedAt: iso(atMs),
  speedKph,
  source,
})
const network = loadNetwork()
const rules = defaultRulesConfig()

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

/**
 * The lifecycle over a store as the alert service drives it: the pure step of `@ioc/alerts` on an engine
 * and an alert book loaded from the store, each turn persisted whole, the book taking in what committed.
 */
export async function lifecycleOn(store: AlertStore, nowMs = T0) {
  const saved = await store.loadRulesState()
  const engine = createRulesEngine(network, rules, saved ? RulesEngineState.parse(saved) : undefined)
  const book = createAlertBook(await store.loadAlertBook(nowMs))
  const persisted = store.derivesSegmentReadTimes ? new Map<string, SegmentState>() : undefined
  const clock = (at: number) => ({ nowMs: at, newId: randomUUID })
  async function persist(turn: Turn) {
    const result = await store.persistTurn(turn)
    book.apply(turn.writes)
    return result
  }
  return {
    book,
    // As the alert service does: the store may insert the batch while the engine judges it.
    async ingest(batch: Observation[], at: number) {
      let turn: ReturnType<typeof stepObservations> | undefined
      const result = await store.persistSteppedTurn(batch, () => {
        turn = stepObservations(engine, book, batch, { ...clock(at), persisted })
        return turn
      })
      if (!turn) throw new Error('persisted without stepping')
      book.apply(turn.writes)
      for (const [id, st] of Object.entries(turn.state.segments)) persisted?.set(id, st)
      return result
    },
    events: async (events: AlertEvent[], at: number) =>
      (await persist(stepEvents(book, events, clock(at)))).changes,
    async act(id: string, action: AlertAction, by: string, at: number, origin: string) {
      const entry = book.get(id)
      if (!entry) return { ok: false as const, error: { code: 'not_found' as const } }
      const turn = stepOfficerAction(entry, action, by, at, origin)
      if (!turn.ok) return turn
      return { ok: true as const, value: (await persist(turn.value)).changes[0] as AlertChange }
    },
    async escalate(beforeMs: number, at: number) {
      const turn = stepEscalation(book, beforeMs, at)
      return turn ? (await persist(turn)).changes : []
    },
  }
}

/** The 6 Nov Phú An alert: raised at báo động I, up to III, eased, then cleared below the release level. */
export async function storeKingTideAlert(store: AlertStore): Promise<Alert> {
  const steps = [
    phuAnEvent('raised', 'minor', T0, 1.41),
    phuAnEvent('severity-changed', 'critical', T0 + 5 * MIN, 1.62),
    phuAnEvent('severity-changed', 'minor', T0 + 90 * MIN, 1.42),
    phuAnEvent('cleared', 'minor', T0 + 150 * MIN, 1.11),
  ]
  const lifecycle = await lifecycleOn(store)
  for (const e of steps) await lifecycle.events([e], e.at)
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

const waterLevel = (changes: readonly AlertChange[]) =>
  changes
    .filter((c) => c.alert.kind === 'water-level')
    .map((c) => [c.transition.action, c.alert.severity, c.transition.by, c.transition.origin])

/** The behaviour every store's alert part must show; run it from each implementation's tests. */
export function runAlertStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} alert store contract`, () => {
    let h: StoreHarness
    beforeEach(async () => {
      h = await open()
    })
    afterEach(() => h.dispose())

    test('an alert is stored with the observation that raised it, and only for observations stored', async () => {
      const live = await lifecycleOn(h.store)
      expect(await live.ingest([water('phu-an', T0, 1.2)], T0)).toMatchObject({ accepted: 1, changes: [] })
      // The same reading sent again, with another value: the store keeps the first, the engine judges none.
      const again = await live.ingest([water('phu-an', T0, 1.62)], T0)
      expect(again).toMatchObject({ accepted: 0, duplicates: 1, changes: [] })
      // After a restart too: the engine state carries the readings it judged.
      const reopened = await h.reopen()
      const restarted = await lifecycleOn(reopened)
      expect(await restarted.ingest([water('phu-an', T0, 1.62)], T0)).toMatchObject({
        duplicates: 1,
        changes: [],
      })
      const raised = await restarted.ingest([water('phu-an', T0 + MIN, 1.62)], T0 + MIN)
      expect(waterLevel(raised.changes)).toEqual([['raised', 'critical', 'system', 'engine']])
      expect(await reopened.listAlerts({ kind: 'water-level', state: 'all' })).toMatchObject([
        { value: 1.62 },
      ])
    })

    test("a segment's reading sent again after a restart starts no congestion", async () => {
      const live = await lifecycleOn(h.store)
      await live.ingest([traffic(T0 - 5 * MIN, 30, 'tomtom')], T0)
      // Another feed from now on; on SQLite this segment's engine state row keeps the first one's reading.
      await live.ingest([traffic(T0, 30, 'here')], T0)
      const restarted = await lifecycleOn(await h.reopen())
      expect(await restarted.ingest([traffic(T0, 4, 'here')], T0)).toMatchObject({
        duplicates: 1,
        changes: [],
      })
      // Judged, the resent 4 km/h would have started the 10-minute pending period at T0: a jam raised now.
      const tenMinutesOn = await restarted.ingest([traffic(T0 + 10 * MIN, 4, 'here')], T0 + 10 * MIN)
      expect(tenMinutesOn.changes).toEqual([])
      const later = await restarted.ingest([traffic(T0 + 20 * MIN, 4, 'here')], T0 + 20 * MIN)
      expect(later.changes.map((c) => [c.alert.kind, c.transition.action])).toEqual([
        ['congestion', 'raised'],
      ])
    })

    test('after a restart an open alert goes on: the next reading changes it, none is raised twice', async () => {
      const live = await lifecycleOn(h.store)
      await live.ingest([water('phu-an', T0, 1.45)], T0)
      const reopened = await h.reopen()
      const restarted = await lifecycleOn(reopened, T0 + 10 * MIN)
      const risen = await restarted.ingest([water('phu-an', T0 + 10 * MIN, 1.62)], T0 + 10 * MIN)
      expect(waterLevel(risen.changes)).toEqual([['severity-changed', 'critical', 'system', 'engine']])
      expect(await reopened.listAlerts({ kind: 'water-level', state: 'all' })).toHaveLength(1)
    })

    test('a cleared alert still says what raised it and the báo động it reached', async () => {
      expect(await storeKingTideAlert(h.store)).toMatchObject(KING_TIDE_ALERT)
      const reopened = await h.reopen()
      expect(await reopened.listAlerts({ state: 'all' })).toMatchObject([KING_TIDE_ALERT])
      // Cleared but not resolved, it is still the lifecycle's: the book starts with it.
      expect((await reopened.loadAlertBook(T0)).entries.map((e) => e.alert)).toMatchObject([KING_TIDE_ALERT])
    })

    test('when storing the alerts fails, the observations are not stored either', async () => {
      const [raised] = await (await lifecycleOn(h.store)).events(
        [phuAnEvent('raised', 'minor', T0, 1.41)],
        T0,
      )
      if (!raised) throw new Error('no alert raised')
      const unknown = { ...raised.alert, id: 'never-stored' }
      const turn: Turn = {
        observations: [water('phu-an', T0, 1.62)],
        writes: [{ alert: unknown, criticalSince: null, isNew: false, transition: raised.transition }],
        state: null,
      }
      await expect(h.store.persistTurn(turn)).rejects.toThrow(/never-stored/)
      expect(await h.store.countObservations()).toBe(0)
    })

    test('a batch whose step throws is not stored, and the store takes the next batch', async () => {
      const batch = [water('phu-an', T0, 1.62)]
      await expect(
        h.store.persistSteppedTurn(batch, () => {
          throw new Error('the rules engine refused a reading')
        }),
      ).rejects.toThrow(/refused a reading/)
      expect(await h.store.countObservations()).toBe(0)
      const result = await (await lifecycleOn(h.store)).ingest(batch, T0)
      expect(result).toMatchObject({ accepted: 1, duplicates: 0 })
      expect(result.changes.map((c) => c.alert.subject.id)).toContain('phu-an')
    })

    test('the engine state written with a batch is read back whole after a reopen', async () => {
      const state = {
        meta: { version: 1, networkVersion: 'v1', silenceBaselineMs: null },
        stations: { 'phu-an': { lastAtMs: T0, lastSources: ['sihymete'] } },
        segments: {},
      }
      await h.store.persistTurn({ observations: [water('phu-an', T0, 1.2)], writes: [], state })
      await h.store.persistTurn({
        observations: [],
        writes: [],
        state: { ...state, stations: { 'nha-be': { lastAtMs: T0 + MIN } } },
      })
      const reopened = await h.reopen()
      expect(await reopened.loadRulesState()).toEqual({
        version: 1,
        networkVersion: 'v1',
        silenceBaselineMs: null,
        stations: { 'phu-an': { lastAtMs: T0, lastSources: ['sihymete'] }, 'nha-be': { lastAtMs: T0 + MIN } },
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
        await h.store.persistTurn({
          observations: [reading],
          writes: [],
          state: { meta, stations: {}, segments },
        })
      }
      const reopened = await h.reopen()
      expect((await reopened.loadRulesState())?.segments).toEqual({
        'seg-1': { lastAtMs: T0 + 2 * MIN, lastSources: ['tomtom'], congestion },
      })
    })

    test('severity changes and the clear update the one alert; the trail lists them in order', async () => {
      const live = await lifecycleOn(h.store)
      const [raised] = await live.events([phuAnEvent('raised', 'minor', T0, 1.42)], T0)
      const id = raised?.alert.id as string
      await live.events([phuAnEvent('severity-changed', 'critical', T0 + MIN, 1.61)], T0)
      await live.events([phuAnEvent('cleared', 'critical', T0 + 60 * MIN, 1.3)], T0)
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

    test('one turn that changes an alert twice, clears it and raises the next of its key stores each as the turn left it', async () => {
      const live = await lifecycleOn(h.store)
      const [first] = await live.events([phuAnEvent('raised', 'minor', T0, 1.42)], T0)
      const nhaBe = {
        ...phuAnEvent('raised', 'minor', T0 + 3 * MIN, 1.41),
        key: 'water-level:nha-be',
        subject: { type: 'station' as const, id: 'nha-be' },
      }
      const turn = await live.events(
        [
          phuAnEvent('severity-changed', 'critical', T0 + MIN, 1.61),
          phuAnEvent('cleared', 'critical', T0 + 2 * MIN, 1.3),
          phuAnEvent('raised', 'minor', T0 + 3 * MIN, 1.42),
          phuAnEvent('severity-changed', 'major', T0 + 4 * MIN, 1.52),
          nhaBe,
        ],
        T0 + 4 * MIN,
      )
      const id = first?.alert.id as string
      const next = turn[2]?.alert.id as string
      expect(turn.map((c) => [c.alert.id, c.transition.seq, c.transition.action])).toEqual([
        [id, 2, 'severity-changed'],
        [id, 3, 'cleared'],
        [next, 1, 'raised'],
        [next, 2, 'severity-changed'],
        [turn[4]?.alert.id, 1, 'raised'],
      ])
      const reopened = await h.reopen()
      expect(await reopened.getAlert(id)).toMatchObject({ severity: 'critical', active: false })
      expect(await reopened.getAlert(next)).toMatchObject({ severity: 'major', active: true })
      expect((await reopened.listTransitions(next)).map((t) => [t.seq, t.action])).toEqual([
        [1, 'raised'],
        [2, 'severity-changed'],
      ])
      const active = await reopened.listAlerts({ state: 'active' })
      expect(active.map((a) => a.subject.id).sort()).toEqual(['nha-be', 'phu-an'])
    })

    test('of two acknowledgements only the first applies; the second learns who and when', async () => {
      const live = await lifecycleOn(h.store)
      const [raised] = await live.events([phuAnEvent('raised', 'critical', T0, 1.62)], T0)
      const id = raised?.alert.id as string
      const a = await live.act(id, { type: 'acknowledge', note: 'on it' }, 'lan', T0 + MIN, '10.0.0.1')
      const b = await live.act(id, { type: 'acknowledge', note: 'me too' }, 'minh', T0 + MIN, '10.0.0.2')
      expect(a).toMatchObject({ ok: true, value: { alert: { ack: { by: 'lan' } } } })
      expect(b).toEqual({ ok: false, error: { code: 'already_acknowledged', by: 'lan', at: T0 + MIN } })
      // What the next server start reads: the acknowledgement, stored.
      const reopened = await h.reopen()
      const restarted = await lifecycleOn(reopened)
      expect(restarted.book.get(id)?.alert.ack).toMatchObject({ by: 'lan', note: 'on it' })
      const trail = await reopened.listTransitions(id)
      expect(trail.at(-1)).toMatchObject({
        action: 'acknowledged',
        by: 'lan',
        origin: '10.0.0.1',
        note: 'on it',
      })
    })

    test('an unacknowledged critical alert escalates once', async () => {
      const live = await lifecycleOn(h.store)
      const [raised] = await live.events([phuAnEvent('raised', 'critical', T0, 1.62)], 1000)
      expect(await live.escalate(999, 2000)).toEqual([])
      // Escalation counts from when it became critical by the server clock, which the store keeps.
      const restarted = await lifecycleOn(await h.reopen())
      const escalated = await restarted.escalate(1000, 2000)
      expect(escalated.map((c) => [c.alert.id, c.alert.escalatedAt, c.transition.action])).toEqual([
        [raised?.alert.id, 2000, 'escalated'],
      ])
      expect(await restarted.escalate(5000, 6000)).toEqual([])
    })

    test('an alert raised on a silenced subject is recorded as silenced and never escalates', async () => {
      const silence = await h.store.createSilence(
        { subject: { type: 'station', id: 'phu-an' }, reason: 'maintenance', until: T0 + 60 * MIN },
        'lan',
        T0,
      )
      expect(await h.store.listSilences(T0 + MIN)).toEqual([silence])
      // The book loads the silences live then.
      const live = await lifecycleOn(h.store, T0 + MIN)
      const [raised] = await live.events([phuAnEvent('raised', 'critical', T0, 1.62)], T0 + MIN)
      expect(raised?.alert.silenced).toBe(true)
      expect(await live.escalate(T0 + 10 * MIN, T0 + 10 * MIN)).toEqual([])
      expect(await h.store.cancelSilence(silence.id, T0 + 2 * MIN)).toMatchObject({
        cancelledAt: T0 + 2 * MIN,
      })
      expect(await h.store.cancelSilence(silence.id, T0 + 3 * MIN)).toBeNull()
      expect(await h.store.listSilences(T0 + 3 * MIN)).toEqual([])
      expect((await h.store.loadAlertBook(T0 + 3 * MIN)).silences).toEqual([])
    })

    test('webhook attempts are kept per alert, in order', async () => {
      const [raised] = await (await lifecycleOn(h.store)).events(
        [phuAnEvent('raised', 'critical', T0, 1.62)],
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
