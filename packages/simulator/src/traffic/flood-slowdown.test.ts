import { expect, test } from 'vitest'
import { floodSpeedFactor } from './flood-slowdown'

test('no slowdown below 10 cm, then slower with every centimetre of water', () => {
  expect(floodSpeedFactor(9.9)).toBe(1)
  const depths = [10, 20, 30, 40, 50, 80, 120]
  const factors = depths.map(floodSpeedFactor)
  for (let i = 1; i < factors.length; i++) expect(factors[i]).toBeLessThan(factors[i - 1] as number)
  expect(floodSpeedFactor(30)).toBeCloseTo(0.4)
  expect(floodSpeedFactor(200)).toBeGreaterThan(0)
})
