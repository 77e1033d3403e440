import type { WaterForecast } from '@ioc/domain'
import { expect, test } from 'vitest'
import { horizonPeak } from './horizon-peak'

const T0 = Date.parse('2025-11-06T16:00:00+07:00')
const levels = { I: 1.4, II: 1.5, III: 1.6 }
/** A tide rising to 1.68 m at 18:20, then 1.9 m at 20:00 (beyond the 3 h horizon). */
const forecast: WaterForecast = {
  stationId: 'phu-an',
  issuedAt: T0,
  points: [
    [0, 1.3],
    [60, 1.5],
    [140, 1.68],
    [170, 1.62],
    [240, 1.9],
  ].map(([min = 0, levelM = 0]) => ({
    at: T0 + min * 60_000,
    levelM,
    lowerM: levelM - 0.1,
    upperM: levelM + 0.1,
  })),
  transfer: { lagMin: 201, gain: 1.1, offsetM: 0.17, source: 'fitted' },
  residualNowM: 0.02,
  crossings: [],
}

test('the peak of the next 3 h and the báo động level it reaches; later water does not count', () => {
  expect(horizonPeak(forecast, levels)).toEqual({
    stationId: 'phu-an',
    peakM: 1.68,
    peakAt: T0 + 140 * 60_000,
    level: 'III',
  })
  expect(horizonPeak(forecast, levels, 60 * 60_000)?.level).toBe('II')
  expect(horizonPeak(forecast, { I: 1.8, II: null, III: null })?.level).toBeNull()
})
