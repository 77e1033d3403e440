import type { OperationalIncident, ShiftHandover } from '@ioc/domain'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { OperationalIncidentStore } from './operational-incident-store'

const T = Date.parse('2025-11-06T17:05:00+07:00')
const incident = (id: string, over: Partial<OperationalIncident> = {}): OperationalIncident => ({
  id,
  status: 'open',
  severity: 'critical',
  grouping: {
    rule: 'street-flood',
    district: 'Quận 7',
    corridor: null,
    withinM: null,
    spanM: 2721,
    cause: 'rain+tide',
    driver: { alertId: 'a-phu-an', stationId: 'phu-an', stationName: 'Phú An', severity: 'critical' },
  },
  members: [
    {
      alertId: `${id}-a1`,
      kind: 'street-flood',
      subject: { type: 'station', id: 'fs-026' },
      location: [106.73, 10.74],
      district: 'Quận 7',
      name: 'Huỳnh Tấn Phát',
      severity: 'critical',
      peakSeverity: 'critical',
      raisedAt: T,
      active: true,
      acked: false,
      resolved: false,
    },
  ],
  openedAt: T,
  updatedAt: T,
  quietSince: null,
  ack: null,
  assignee: null,
  resolution: null,
  checklist: [
    {
      procedureId: 'street-flood-deep',
      title: { vi: 'Ngập sâu', en: 'Deep street flood' },
      steps: [{ id: 'send-pumps', text: { vi: 'Điều xe bơm', en: 'Send pumps' }, tick: null }],
    },
  ],
  ...over,
})
const event = (incidentId: string, at: number) => ({
  incidentId,
  action: 'acknowledged' as const,
  at,
  by: 'lan',
  origin: '127.0.0.1',
  note: 'đã nhận',
  details: { alertIds: [`${incidentId}-a1`] },
})

/** The behaviour every OperationalIncidentStore shows (run it from each implementation's tests). */
export function runOperationalIncidentStoreContract(
  name: string,
  factory: () => Promise<{ store: OperationalIncidentStore; close(): Promise<void> }>,
): void {
  describe(`${name}: operational incident store contract`, () => {
    let store: OperationalIncidentStore
    let close: () => Promise<void>
    beforeEach(async () => {
      ;({ store, close } = await factory())
    })
    afterEach(() => close())

    test('an incident reads back as saved, and a later save replaces it', async () => {
      await store.saveOperationalIncidents([incident('i1')], [])
      expect(await store.getOperationalIncident('i1')).toEqual(incident('i1'))
      const acked = incident('i1', { ack: { by: 'lan', at: T + 60_000, note: '' }, updatedAt: T + 60_000 })
      await store.saveOperationalIncidents([acked], [])
      expect(await store.getOperationalIncident('i1')).toEqual(acked)
      expect(await store.getOperationalIncident('nope')).toBeNull()
    })

    test('lists the open ones newest first; all of them, or those of a time range, on request', async () => {
      await store.saveOperationalIncidents(
        [
          incident('old', { openedAt: T - 3_600_000 }),
          incident('new', { openedAt: T + 60_000 }),
          incident('done', {
            openedAt: T,
            status: 'resolved',
            updatedAt: T + 1_800_000,
            resolution: { by: 'lan', at: T + 1_800_000, note: 'rút nước' },
          }),
        ],
        [],
      )
      const ids = async (q: Parameters<OperationalIncidentStore['listOperationalIncidents']>[0]) =>
        (await store.listOperationalIncidents(q)).map((i) => i.id)
      expect(await ids({ state: 'open', limit: 10 })).toEqual(['new', 'old'])
      expect(await ids({ state: 'all', limit: 10 })).toEqual(['new', 'done', 'old'])
      // A shift from T+1h: what was still open, or changed during it.
      expect(await ids({ state: 'all', from: T + 3_600_000, limit: 10 })).toEqual(['new', 'old'])
      expect(await ids({ state: 'all', from: T + 1_000_000, to: T + 1, limit: 10 })).toEqual(['done', 'old'])
      expect(await ids({ state: 'all', limit: 1 })).toEqual(['new'])
    })

    test('events number up per incident and read back by incident or by time', async () => {
      await store.saveOperationalIncidents(
        [incident('i1'), incident('i2')],
        [event('i1', T), event('i2', T + 1)],
      )
      const more = await store.saveOperationalIncidents([], [event('i1', T + 2)])
      expect(more.map((e) => e.seq)).toEqual([2])
      expect(await store.listOperationalIncidentEvents({ incidentId: 'i1' })).toEqual([
        { ...event('i1', T), seq: 1 },
        { ...event('i1', T + 2), seq: 2 },
      ])
      const between = await store.listOperationalIncidentEvents({ fromMs: T + 1, toMs: T + 3 })
      expect(between.map((e) => [e.incidentId, e.seq])).toEqual([
        ['i2', 1],
        ['i1', 2],
      ])
    })

    test('a handover reads back with the incidents it left open; newest first', async () => {
      const h = (id: string, createdAt: number): ShiftHandover => ({
        id,
        from: createdAt - 8 * 3_600_000,
        to: createdAt,
        createdBy: 'lan',
        createdAt,
        note: 'Bơm ở Huỳnh Tấn Phát chạy đến 22:00',
        open: [incident('i1')],
        done: [{ ...event('i1', T), seq: 1 }],
      })
      await store.createShiftHandover(h('h1', T))
      await store.createShiftHandover(h('h2', T + 8 * 3_600_000))
      expect(await store.getShiftHandover('h1')).toEqual(h('h1', T))
      expect(await store.getShiftHandover('nope')).toBeNull()
      expect((await store.listShiftHandovers(10)).map((x) => x.id)).toEqual(['h2', 'h1'])
    })
  })
}
