import { expect, test } from 'vitest'
import { applyTideTransfer, fitTideTransfer } from './fit-tide-transfer'

// A synthetic mixed semidiurnal/diurnal sea, like Vũng Tàu's M2 + K1 + S2.
const HOUR_MS = 3_600_000
// Reading times and noise spread evenly by the golden-ratio sequence: deterministic, no clustering.
const spread = (i: number, stride = 0.618_033_988_75) => (i * stride) % 1
const sea = (atMs: number) => {
  const h = atMs / HOUR_MS
  return (
    0.78 * Math.cos((2 * Math.PI * h) / 12.42) +
    0.6 * Math.cos((2 * Math.PI * h) / 23.93 + 1) +
    0.3 * Math.cos((2 * Math.PI * h) / 12 + 2)
  )
}

test('recovers a known lag, gain and offset from readings of a transferred tide', () => {
  const truth = { lagMin: 197, gain: 1.23, offsetM: 0.31 }
  const readings = Array.from({ length: 24 }, (_, i) => {
    const atMs = spread(i) * 10 * 24 * HOUR_MS
    return { atMs, levelM: applyTideTransfer(sea, truth, atMs) }
  })
  const fit = fitTideTransfer(sea, readings)
  expect(fit.lagMin).toBe(197)
  expect(fit.gain).toBeCloseTo(1.23, 6)
  expect(fit.offsetM).toBeCloseTo(0.31, 6)
  expect(fit.rmsM).toBeLessThan(1e-9)
})

test('noisy readings (±3 cm) still give the lag within 10 minutes', () => {
  const truth = { lagMin: 120, gain: 0.9, offsetM: -0.2 }
  const readings = Array.from({ length: 40 }, (_, i) => {
    const atMs = spread(i) * 10 * 24 * HOUR_MS
    return { atMs, levelM: applyTideTransfer(sea, truth, atMs) + (spread(i, 0.754_877_666) - 0.5) * 0.06 }
  })
  const fit = fitTideTransfer(sea, readings)
  expect(Math.abs(fit.lagMin - 120)).toBeLessThanOrEqual(10)
  expect(fit.gain).toBeCloseTo(0.9, 1)
})
