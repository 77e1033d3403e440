import type { Observation } from '@ioc/domain'
import { afterEach, expect, test } from 'vitest'
import type { Store } from '../store'
import { migrate } from './migrations'
import { createPool } from './pg-pool'
import { postgresObservations } from './postgres-observations'
import { rollupFolder } from './postgres-rollup-fold'
import { openPostgresStore } from './postgres-store'
import { createTempSchema } from './temp-schema'

const AT = Date.parse('2025-11-06T17:00:00+07:00')
const level = (i: number, source: string): Observation => ({
  type: 'water',
  stationId: 'phu-an',
  observedAt: new Date(AT + i * 1000).toISOString(),
  value: i,
  source,
})
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

test('two instances ingesting into the same cells at once see every reading in the rollups, once', async () => {
  const own = await createTempSchema('fold')
  cleanups.push(() => own.drop())
  const a: Store = await openPostgresStore(own.url)
  const b: Store = await openPostgresStore(own.url)
  cleanups.push(async () => {
    await a.close()
    await b.close()
  })
  // 40 batches of 25 readings, each instance its own source, both folding while the other inserts.
  const batches = (s: string) =>
    Array.from({ length: 20 }, (_, n) => Array.from({ length: 25 }, (_, i) => level(n * 25 + i, s)))
  const q = { type: 'water', subjectId: 'phu-an', fromMs: AT, toMs: AT + 3_600_000 } as const
  await Promise.all(
    (['a', 'b'] as const).map(async (s) => {
      const store = s === 'a' ? a : b
      for (const batch of batches(s)) {
        await store.insertObservations(batch)
        await store.rollups({ ...q, grainMs: 300_000 })
      }
    }),
  )
  const hour = await b.rollups({ ...q, grainMs: 3_600_000 })
  expect(hour).toEqual([
    expect.objectContaining({ count: 1000, min: 0, max: 499, last: 499, lastAt: AT + 499_000 }),
  ])
  const five = await a.rollups({ ...q, grainMs: 300_000 })
  expect(five.map((c) => c.count)).toEqual([600, 400])
})

test('a fold drains the queue in runs, and a reader right after a commit sees that commit', async () => {
  const own = await createTempSchema('fold')
  cleanups.push(() => own.drop())
  const pool = createPool(own.url)
  cleanups.push(() => pool.end())
  await migrate(pool)
  // Runs of 7 readings: 100 readings take 15 runs, and the insert starts a fold in the background; the
  // reader's fold waits for it and takes whatever it left.
  const folder = rollupFolder(pool, 7)
  const store = postgresObservations(pool, folder)
  await store.insertObservations(Array.from({ length: 100 }, (_, i) => level(i, 'x')))
  const cells = await store.rollups({
    type: 'water',
    subjectId: 'phu-an',
    grainMs: 300_000,
    fromMs: AT,
    toMs: AT + 3_600_000,
  })
  expect(cells.map((c) => c.count)).toEqual([100])
  expect((await pool.query('SELECT COUNT(*) AS n FROM rollups_pending')).rows[0].n).toBe(0)
  // A duplicate is not queued again: the cell still counts each reading once.
  await store.insertObservations([level(3, 'x'), level(100, 'x')])
  const again = await store.rollups({
    type: 'water',
    subjectId: 'phu-an',
    grainMs: 300_000,
    fromMs: AT,
    toMs: AT + 3_600_000,
  })
  expect(again.map((c) => c.count)).toEqual([101])
  await folder.idle()
})

test('COPY keeps ids and sources with tabs, newlines and backslashes exactly', async () => {
  const own = await createTempSchema('copy')
  cleanups.push(() => own.drop())
  const store = await openPostgresStore(own.url)
  cleanups.push(() => store.close())
  const odd = 'feed\t1\\n\nend\r'
  const traffic: Observation = {
    type: 'traffic',
    segmentId: 'seg\\x',
    observedAt: new Date(AT).toISOString(),
    speedKph: 12.345678901234567,
    source: odd,
  }
  const r = await store.insertObservations([traffic, level(0, odd), level(0, odd)])
  expect(r).toMatchObject({ accepted: 2, duplicates: 1 })
  const stored: Observation[] = []
  for await (const page of store.observationsInRange(AT, AT + 1)) stored.push(...page)
  expect(stored).toEqual(
    [{ ...traffic, flowVph: undefined, occupancyPct: undefined }, level(0, odd)].map((o) =>
      expect.objectContaining(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))),
    ),
  )
})
