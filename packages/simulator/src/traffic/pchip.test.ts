import { expect, test } from 'vitest'
import { createPchip } from './pchip'

// The city's mean log speed (relative to each route's own mean) at the 2025-10-30 run times 05:25–07:31.
const xs = [325, 390, 420, 450]
const ys = [0.334, 0.183, 0.013, -0.102]

test('passes through its knots and stays between two neighbours (no overshoot)', () => {
  const f = createPchip(xs, ys)
  for (const [i, x] of xs.entries()) expect(f(x)).toBeCloseTo(ys[i] as number, 12)
  for (let x = 325; x <= 450; x += 1) {
    const k = xs.findIndex((_, i) => (xs[i + 1] ?? Infinity) >= x)
    const lo = Math.min(ys[k] as number, ys[k + 1] ?? (ys[k] as number))
    const hi = Math.max(ys[k] as number, ys[k + 1] ?? (ys[k] as number))
    expect(f(x)).toBeGreaterThanOrEqual(lo - 1e-12)
    expect(f(x)).toBeLessThanOrEqual(hi + 1e-12)
  }
})

test('matches scipy.interpolate.PchipInterpolator on the same knots', () => {
  // scipy 1.17: PchipInterpolator([325, 390, 420, 450], [0.334, 0.183, 0.013, -0.102])(x)
  const f = createPchip(xs, ys)
  expect(f(360)).toBeCloseTo(0.279758, 5)
  expect(f(405)).toBeCloseTo(0.102122, 5)
  expect(f(440)).toBeCloseTo(-0.069385, 5)
})

test('holds the end values outside the knots; two knots are a straight line', () => {
  const f = createPchip([0, 10], [1, 3])
  expect(f(-5)).toBe(1)
  expect(f(5)).toBeCloseTo(2, 12)
  expect(f(20)).toBe(3)
})
