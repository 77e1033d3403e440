import fc from 'fast-check'
import { expect, test } from 'vitest'
import { ceilTo, FIVE_MIN_MS, floorTo, HOUR_MS, planRollupHistory } from './history-plan'

const T0 = Date.parse('2025-11-01T00:00:00+07:00')
const MIN = 60_000

test('cells and times before 1970 floor down, not toward zero', () => {
  expect(floorTo(-1, FIVE_MIN_MS)).toBe(-FIVE_MIN_MS)
  expect(ceilTo(-1, FIVE_MIN_MS)).toBe(0)
  expect(floorTo(Date.parse('1900-01-01T00:02:00Z'), HOUR_MS)).toBe(Date.parse('1900-01-01T00:00:00Z'))
})

test('a month in 1,000 points reads 45-minute buckets of 5-minute cells, the ends from raw readings', () => {
  const fromMs = T0 + 2 * MIN
  const toMs = T0 + 30 * 1440 * MIN + 7 * MIN
  expect(planRollupHistory({ fromMs, toMs, maxPoints: 1000, rawKeptFromMs: null })).toEqual({
    grainMs: FIVE_MIN_MS,
    originMs: T0,
    bucketMs: 45 * MIN,
    cells: [T0 + 5 * MIN, T0 + 30 * 1440 * MIN + 5 * MIN],
    edges: [
      [fromMs, T0 + 5 * MIN],
      [T0 + 30 * 1440 * MIN + 5 * MIN, toMs],
    ],
  })
})

test('before the raw retention the range widens to whole cells', () => {
  const plan = planRollupHistory({
    fromMs: T0 + 2 * MIN,
    toMs: T0 + 32 * MIN,
    maxPoints: 1000,
    rawKeptFromMs: T0 + HOUR_MS,
  })
  expect(plan).toMatchObject({
    cells: [T0, T0 + 35 * MIN],
    bucketMs: FIVE_MIN_MS,
    edges: [
      [0, 0],
      [0, 0],
    ],
  })
})

test('whatever the range, buckets are whole cells, never more than maxPoints, and cover it', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -3e12, max: 3e12 }),
      fc.integer({ min: 1, max: 400 * 86_400_000 }),
      fc.integer({ min: 2, max: 10_000 }),
      fc.option(fc.integer({ min: -3e12, max: 3e12 }).map((t) => floorTo(t, HOUR_MS))),
      (fromMs, spanMs, maxPoints, rawKeptFromMs) => {
        const toMs = fromMs + spanMs
        const p = planRollupHistory({ fromMs, toMs, maxPoints, rawKeptFromMs })
        expect(p.bucketMs % p.grainMs).toBe(0)
        expect(Math.abs(p.originMs % p.grainMs)).toBe(0)
        const covered = [p.cells, ...p.edges].filter(([a, b]) => a < b).sort((a, b) => a[0] - b[0])
        const end = Math.max(...covered.map(([, b]) => b))
        expect(Math.ceil((end - p.originMs) / p.bucketMs)).toBeLessThanOrEqual(maxPoints)
        expect(covered[0]?.[0]).toBeLessThanOrEqual(fromMs)
        expect(covered.at(-1)?.[1]).toBeGreaterThanOrEqual(toMs)
        for (let i = 1; i < covered.length; i++) expect(covered[i]?.[0]).toBe(covered[i - 1]?.[1])
      },
    ),
  )
})
