import { expect, test } from 'vitest'
import { extendToFullDay, sampleDay, valueAt, weekendDay } from './daily-profile'

const measured = [
  { minute: 205, value: 25 },
  { minute: 450, value: 15 },
  { minute: 780, value: 20 },
  { minute: 1082, value: 12 },
]

test('the sampled day passes through the measured knots and holds the evening rush to 19:00', () => {
  const day = sampleDay(extendToFullDay(measured))
  expect(valueAt(day, 450)).toBeCloseTo(15, 5)
  expect(valueAt(day, 780)).toBeCloseTo(20, 5)
  expect(valueAt(day, 19 * 60)).toBeCloseTo(12, 5)
  expect(valueAt(day, 20 * 60 + 30)).toBeCloseTo(20, 5) // back to midday
})

test('the night wraps across midnight without a jump', () => {
  const day = sampleDay(extendToFullDay(measured))
  expect(Math.abs(valueAt(day, 1435) - valueAt(day, 0))).toBeLessThan(0.5)
})

test('weekends keep the shape with half the congestion', () => {
  const day = sampleDay(extendToFullDay(measured))
  const weekend = weekendDay(day)
  const night = Math.max(...day)
  expect(valueAt(weekend, 1080)).toBeCloseTo((valueAt(day, 1080) + night) / 2, 4)
  expect(valueAt(weekend, 1082)).toBeGreaterThan(valueAt(day, 1082))
})
