import { localHour } from '@ioc/domain'
import { expect, test } from 'vitest'
import { drawRandomWeather } from './random-weather'

const from = Date.parse('2025-11-01T00:00:00+07:00')
const to = Date.parse('2025-12-01T00:00:00+07:00')
const spec = {
  surgeSdM: 0.1,
  surgeTauH: 18,
  surgeKnotH: 3,
  rainPerDay: 0.4,
  rainPeakMmPerH: [40, 110] as const,
  rainShareOfPoints: 0.5,
}
const points = Array.from({ length: 69 }, (_, i) => `fp-${String(i + 1).padStart(3, '0')}`)

test('a month of drawn weather has surges of the asked spread and afternoon storms', () => {
  const { surge, rain } = drawRandomWeather(7, from, to, spec, points)
  const values = surge.map((k) => k.value)
  const sd = Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length)
  expect(sd).toBeGreaterThan(0.05)
  expect(sd).toBeLessThan(0.2)
  expect(rain.length).toBeGreaterThan(5)
  expect(rain.length).toBeLessThan(20)
  for (const r of rain) {
    const hour = localHour(r.fromMs)
    expect(hour).toBeGreaterThanOrEqual(13)
    expect(hour).toBeLessThan(21)
    expect(r.peakMmPerH).toBeGreaterThanOrEqual(40)
    expect(r.floodPointIds.size).toBeGreaterThan(10)
  }
})

test('the same seed draws the same weather, another seed different weather', () => {
  const a = drawRandomWeather(7, from, to, spec, points)
  expect(drawRandomWeather(7, from, to, spec, points)).toEqual(a)
  expect(drawRandomWeather(8, from, to, spec, points).surge[5]).not.toEqual(a.surge[5])
})
