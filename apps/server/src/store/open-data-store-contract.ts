import type { Observation } from '@ioc/domain'
import type { Reading, ReadingsQuery } from '@ioc/sensorthings'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Store } from './store'

const T0 = Date.parse('2025-11-06T00:00:00+07:00')
const MIN = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

/** Phú An every 10 min for 2 h (0.10 m steps), two feeds on one segment, a segment with speed only. */
const observations: Observation[] = [
  ...Array.from(
    { length: 12 },
    (_, i): Observation => ({
      type: 'water',
      stationId: 'phu-an',
      observedAt: iso(T0 + i * 10 * MIN),
      value: Math.round((1 + i / 10) * 100) / 100,
      source: 'kttv',
    }),
  ),
  { type: 'water', stationId: 'nha-be', observedAt: iso(T0), value: 1.2, source: 'kttv' },
  {
    type: 'traffic',
    segmentId: 'seg-b',
    observedAt: iso(T0),
    speedKph: 30,
    flowVph: 900,
    occupancyPct: 40,
    source: 'vov',
  },
  { type: 'traffic', segmentId: 'seg-b', observedAt: iso(T0), speedKph: 28, flowVph: 950, source: 'tomtom' },
  { type: 'traffic', segmentId: 'seg-a', observedAt: iso(T0 + 10 * MIN), speedKph: 12, source: 'tomtom' },
]

const NONE = { fromMs: null, toMs: null, min: null, max: null }
const phuAn = [{ type: 'water', subjectId: 'phu-an', field: 'level' }] as const
const q = (over: Partial<ReadingsQuery>): ReadingsQuery => ({
  series: null,
  bounds: NONE,
  order: [],
  offset: 0,
  limit: 100,
  ...over,
})
const label = (r: Reading) =>
  `${r.observedAtMs - T0} ${r.type} ${r.subjectId} ${r.field} ${r.source} ${r.value}`

/** The behaviour every OpenDataStore shows (run it from each implementation's tests). */
export function runOpenDataStoreContract(
  name: string,
  factory: () => Promise<{ store: Store; close(): Promise<void> }>,
): void {
  describe(`${name}: open-data store contract`, () => {
    let store: Store
    let close: () => Promise<void>
    beforeAll(async () => {
      ;({ store, close } = await factory())
      await store.insertObservations(observations)
    })
    afterAll(() => close())

    test('one series within a time range, in time order, paged by offset and limit', async () => {
      const bounds = { ...NONE, fromMs: T0 + 20 * MIN, toMs: T0 + 60 * MIN }
      const rows = await store.readings(q({ series: phuAn, bounds, offset: 1, limit: 2 }))
      expect(rows).toEqual([
        {
          type: 'water',
          subjectId: 'phu-an',
          field: 'level',
          observedAtMs: T0 + 30 * MIN,
          source: 'kttv',
          value: 1.3,
        },
        {
          type: 'water',
          subjectId: 'phu-an',
          field: 'level',
          observedAtMs: T0 + 40 * MIN,
          source: 'kttv',
          value: 1.4,
        },
      ])
      expect(await store.countReadings({ series: phuAn, bounds })).toBe(4)
    })

    test('newest first, and result bounds that include or exclude their value', async () => {
      const desc = await store.readings(q({ series: phuAn, order: [{ by: 'time', desc: true }], limit: 2 }))
      expect(desc.map((r) => r.value)).toEqual([2.1, 2])
      const bounds = { ...NONE, min: { value: 1.5, inclusive: false }, max: { value: 1.8, inclusive: true } }
      const rows = await store.readings(q({ series: phuAn, bounds }))
      expect(rows.map((r) => r.value)).toEqual([1.6, 1.7, 1.8])
      expect(await store.countReadings({ series: phuAn, bounds })).toBe(3)
    })

    test('ordered by result, ties by time then feed', async () => {
      const rows = await store.readings(
        q({
          series: [{ type: 'traffic', subjectId: 'seg-b', field: 'speed' }],
          order: [{ by: 'result', desc: false }],
        }),
      )
      expect(rows.map((r) => `${r.source} ${r.value}`)).toEqual(['tomtom 28', 'vov 30'])
    })

    test('a field a feed did not report has no readings', async () => {
      const flow = await store.readings(
        q({ series: [{ type: 'traffic', subjectId: 'seg-b', field: 'occupancy' }] }),
      )
      expect(flow.map(label)).toEqual(['0 traffic seg-b occupancy vov 40'])
      expect(
        await store.readings(q({ series: [{ type: 'traffic', subjectId: 'seg-a', field: 'flow' }] })),
      ).toEqual([])
    })

    test('every series at once, ties in kind, subject, field and source order', async () => {
      const rows = await store.readings(q({ bounds: { ...NONE, toMs: T0 + 10 * MIN + 1 }, limit: 11 }))
      expect(rows.map(label)).toEqual([
        '0 traffic seg-b flow tomtom 950',
        '0 traffic seg-b flow vov 900',
        '0 traffic seg-b occupancy vov 40',
        '0 traffic seg-b speed tomtom 28',
        '0 traffic seg-b speed vov 30',
        '0 water nha-be level kttv 1.2',
        '0 water phu-an level kttv 1',
        '600000 traffic seg-a speed tomtom 12',
        '600000 water phu-an level kttv 1.1',
      ])
      expect(await store.countReadings({ series: null, bounds: NONE })).toBe(12 + 1 + 5 + 1)
    })

    test('several series of one field, and readings stored since the last query', async () => {
      const both = [
        { type: 'water', subjectId: 'phu-an', field: 'level' },
        { type: 'water', subjectId: 'nha-be', field: 'level' },
      ] as const
      expect(await store.countReadings({ series: both, bounds: NONE })).toBe(13)
      await store.insertObservations([
        { type: 'water', stationId: 'nha-be', observedAt: iso(T0 + MIN), value: 1.25, source: 'kttv' },
      ])
      expect(await store.countReadings({ series: both, bounds: NONE })).toBe(14)
      const rows = await store.readings(q({ series: both, limit: 3 }))
      expect(rows.map(label)).toEqual([
        '0 water nha-be level kttv 1.2',
        '0 water phu-an level kttv 1',
        '60000 water nha-be level kttv 1.25',
      ])
    })
  })
}
