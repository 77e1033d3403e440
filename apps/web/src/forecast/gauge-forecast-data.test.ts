import type { WaterForecast } from '@ioc/domain'
import { expect, test } from 'vitest'
import { gaugeForecastData } from './gauge-forecast-data'

const MIN = 60_000
const T0 = Date.parse('2025-11-06T16:00:00+07:00')

test('observed and forecast share one time axis, each blank at the other’s times', () => {
  const history = {
    points: [-10, 0].map((m) => ({ observedAt: T0 + m * MIN, value: 1.3, min: 1.3, max: 1.3, count: 1 })),
  }
  const forecast = {
    stationId: 'phu-an',
    issuedAt: T0,
    points: [0, 10].map((m) => ({ at: T0 + m * MIN, levelM: 1.35, lowerM: 1.3, upperM: 1.4 })),
  } as WaterForecast
  const d = gaugeForecastData(history, forecast, { I: 1.8, II: null, III: null })
  expect(d.xs).toEqual([T0 - 10 * MIN, T0, T0 + 10 * MIN].map((t) => t / 1000))
  expect(d.observed).toEqual([1.3, 1.3, null])
  expect(d.forecast).toEqual([null, 1.35, 1.35])
  expect(d.upper).toEqual([null, 1.4, 1.4])
  expect(d.levels).toEqual([{ level: 'I', values: [1.8, 1.8, 1.8] }])
})
