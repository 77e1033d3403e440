import { expect, test } from 'vitest'
import { findNeighbours, planIncidents } from './incidents'

test('the same seed plans the same incidents; a day holds about perDay of them', () => {
  const a = planIncidents(1, 100, 0, 86_400_000, 30)
  expect(a).toEqual(planIncidents(1, 100, 0, 86_400_000, 30))
  expect(a).not.toEqual(planIncidents(2, 100, 0, 86_400_000, 30))
  expect(a).toHaveLength(30)
  for (const i of a) {
    expect(i.toMs - i.fromMs).toBeGreaterThanOrEqual(20 * 60_000)
    expect(i.factor).toBeGreaterThanOrEqual(0.25)
    expect(i.factor).toBeLessThan(0.6)
  }
})

test('neighbours are the segments meeting at either end', () => {
  const n = findNeighbours([
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
    ['b', 'a'],
  ])
  expect(n[0]).toEqual([1, 3])
  expect(n[2]).toEqual([1])
})
