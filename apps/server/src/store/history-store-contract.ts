import type { HistoryPoint, Observation } from '@ioc/domain'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { FIVE_MIN_MS, floorTo, HOUR_MS } from './history-plan'
import type { Store } from './store'

const MIN = 60_000
const DAY = 86_400_000
// Midnight in Hồ Chí Minh City; the series below start 2.5 minutes later, off every grain.
const T0 = Date.parse('2025-11-01T00:00:00+07:00')

const level = (atMs: number, value: number, source = 'sihymete'): Observation => ({
  type: 'water',
  stationId: 'phu-an',
  observedAt: new Date(atMs).toISOString(),
  value,
  source,
})

/** A tide-like level every minute for `days`, from T0 + 2.5 min. */
function minuteSeries(days: number): Observation[] {
  return Array.from({ length: days * 1440 }, (_, i) =>
    level(T0 + 2.5 * MIN + i * MIN, Math.round(1000 * (1 + 0.8 * Math.sin(i / 200) + (i % 7) / 100)) / 1000),
  )
}

const phuAn = (store: Store, fromMs: number, toMs: number, maxPoints: number) =>
  store.history({ type: 'water', subjectId: 'phu-an', fromMs, toMs, maxPoints })

async function insertAll(store: Store, observations: readonly Observation[]): Promise<void> {
  for (let i = 0; i < observations.length; i += 5000)
    await store.insertObservations(observations.slice(i, i + 5000))
}

/** The buckets a history should hold, computed from the readings themselves. */
function expectedBuckets(
  readings: readonly Observation[],
  fromMs: number,
  toMs: number,
  originMs: number,
  bucketMs: number,
): HistoryPoint[] {
  const byBucket = new Map<number, number[]>()
  for (const o of readings) {
    const t = Date.parse(o.observedAt)
    if (t < fromMs || t >= toMs || o.type !== 'water') continue
    const b = Math.floor((t - originMs) / bucketMs)
    byBucket.set(b, [...(byBucket.get(b) ?? []), o.value])
  }
  return [...byBucket.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([b, vs]) => ({
      observedAt: originMs + b * bucketMs,
      value: vs.reduce((x, y) => x + y, 0) / vs.length,
      min: Math.min(...vs),
      max: Math.max(...vs),
      count: vs.length,
    }))
}

function expectSamePoints(actual: HistoryPoint[], expected: HistoryPoint[]): void {
  expect(actual.map(({ value, ...p }) => p)).toEqual(expected.map(({ value, ...p }) => p))
  for (const [i, p] of actual.entries()) expect(p.value).toBeCloseTo(expected[i]?.value as number, 9)
}

/** Rollups and retention (history-store.ts), the same on every Store. */
export function runHistoryStoreContract(
  name: string,
  create: () => Promise<{ store: Store; dispose(): Promise<void> }>,
): void {
  describe(`${name} rollups and retention`, () => {
    let h: { store: Store; dispose(): Promise<void> }
    let store: Store
    beforeEach(async () => {
      h = await create()
      store = h.store
    })
    afterEach(() => h.dispose())

    test('5-minute and 1-hour cells hold count, mean, min, max and last, merged across batches', async () => {
      const q = { type: 'water', subjectId: 'phu-an', fromMs: T0, toMs: T0 + HOUR_MS } as const
      await store.insertObservations([level(T0, 1.2), level(T0 + MIN, 1.6), level(T0 + 4 * MIN, 1.3)])
      expect((await store.rollups({ ...q, grainMs: FIVE_MIN_MS }))[0]?.count).toBe(3)
      // A later batch into the same cells, a duplicate that must not count twice, and two sources at
      // one instant: the last is the one latestObservations picks.
      await store.insertObservations([
        level(T0 + MIN, 1.6),
        level(T0 + 4 * MIN, 1.1, 'volunteer'),
        level(T0 + 6 * MIN, 0.9),
      ])
      const [latest] = await store.latestObservations(T0 + 5 * MIN)
      const five = await store.rollups({ ...q, grainMs: FIVE_MIN_MS })
      expect(five).toHaveLength(2)
      expect(five[0]).toMatchObject({ grainMs: FIVE_MIN_MS, startMs: T0, count: 4, min: 1.1, max: 1.6 })
      expect(five[0]?.mean).toBeCloseTo((1.2 + 1.6 + 1.3 + 1.1) / 4, 9)
      expect(five[0]).toMatchObject({
        lastAt: T0 + 4 * MIN,
        last: latest?.type === 'water' ? latest.value : NaN,
      })
      expect(five[1]).toMatchObject({
        startMs: T0 + 5 * MIN,
        count: 1,
        mean: 0.9,
        last: 0.9,
        lastAt: T0 + 6 * MIN,
      })
      const hour = await store.rollups({ ...q, grainMs: HOUR_MS })
      expect(hour).toEqual([
        expect.objectContaining({ grainMs: HOUR_MS, startMs: T0, count: 5, min: 0.9, max: 1.6, last: 0.9 }),
      ])
    })

    test('a month-long range is read from the rollups, exactly as the readings would give it', async () => {
      const readings = minuteSeries(8)
      await insertAll(store, readings)
      // Off-grain ends: the partial cells come from the raw readings.
      const fromMs = T0 + 7 * MIN + 20_000
      const toMs = T0 + 8 * DAY - 13 * MIN
      const h5 = await phuAn(store, fromMs, toMs, 300)
      // ceil(range / 300) is 38.3 min: 40-minute buckets of 5-minute cells, from the cell holding `from`.
      expect(h5.bucketMs).toBe(40 * MIN)
      expectSamePoints(
        h5.points,
        expectedBuckets(readings, fromMs, toMs, floorTo(fromMs, FIVE_MIN_MS), 40 * MIN),
      )
      const h1 = await phuAn(store, fromMs, toMs, 60)
      expect(h1.bucketMs).toBe(4 * HOUR_MS)
      expectSamePoints(
        h1.points,
        expectedBuckets(readings, fromMs, toMs, floorTo(fromMs, HOUR_MS), 4 * HOUR_MS),
      )
    })

    test('retention drops raw readings before the cutoff; their history lives on in the rollups', async () => {
      const readings = minuteSeries(4)
      await insertAll(store, readings)
      await store.appendAudit({
        at: T0,
        actor: 'admin',
        action: 'login',
        target: null,
        origin: 'cli',
        reason: null,
      })
      const cutoff = T0 + 2 * DAY
      const before = await phuAn(store, T0, T0 + 4 * DAY, 96)

      const { dropped } = await store.dropRawReadings(cutoff)
      const kept = readings.filter((o) => Date.parse(o.observedAt) >= cutoff)
      expect(dropped).toBe(readings.length - kept.length)
      expect(await store.countObservations()).toBe(kept.length)
      expect(await store.rawKeptFromMs()).toBe(cutoff)
      const old: Observation[] = []
      for await (const page of store.observationsInRange(T0, cutoff)) old.push(...page)
      expect(old).toEqual([])

      // The long range reads the same; a short range before the cutoff comes in 5-minute cells.
      const after = await phuAn(store, T0, T0 + 4 * DAY, 96)
      expect(after.bucketMs).toBe(before.bucketMs)
      expectSamePoints(after.points, before.points)
      const shortOld = await phuAn(store, T0 + DAY + 2 * MIN, T0 + DAY + 32 * MIN, 1000)
      expect(shortOld.bucketMs).toBe(FIVE_MIN_MS)
      expect(shortOld.points.map((p) => [p.observedAt, p.count])).toEqual(
        Array.from({ length: 7 }, (_, i) => [T0 + DAY + i * FIVE_MIN_MS, 5]),
      )
      // After the cutoff, raw readings as before.
      const recent = await phuAn(store, cutoff, cutoff + 10 * MIN, 1000)
      expect(recent.bucketMs).toBeNull()
      expect(recent.points).toHaveLength(10)
      expect(await store.listAudit({ limit: 10 })).toHaveLength(1)
      // A second pass to the same cutoff finds nothing more.
      expect(await store.dropRawReadings(cutoff)).toEqual({ dropped: 0 })
    })
  })
}
