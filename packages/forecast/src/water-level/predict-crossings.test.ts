import { expect, test } from 'vitest'
import { predictCrossings } from './predict-crossings'

const levels = { I: 1.4, II: 1.5, III: 1.6 }
const curve = (values: number[]) => values.map((levelM, k) => ({ atMs: k * 600_000, levelM }))

test('each báo động level gets its first upward crossing, interpolated, with its lead', () => {
  const crossings = predictCrossings(curve([1.3, 1.45, 1.55, 1.5, 1.65]), levels)
  expect(crossings.map((c) => [c.level, Math.round(c.leadMin)])).toEqual([
    ['I', 7],
    ['II', 15],
    ['III', 37],
  ])
})

test('a level the curve starts above has no crossing until it dips below and rises again', () => {
  expect(predictCrossings(curve([1.45, 1.5, 1.42]), levels).map((c) => c.level)).toEqual(['II'])
  expect(predictCrossings(curve([1.45, 1.3, 1.41]), levels).map((c) => c.leadMin)).toEqual([
    expect.closeTo(19.09, 1),
  ])
})
