import { expect, test } from 'vitest'
import { extremesFromReadings } from './extremes-from-readings'

const HOUR_MS = 3_600_000
const t0 = Date.parse('2025-11-10T00:00:00+07:00')
// Two days of a semidiurnal tide read every 5 minutes, with ±2 cm of reading noise.
const readings = Array.from({ length: 2 * 288 }, (_, k) => {
  const atMs = t0 + k * 300_000
  const noise = ((k * 0.618_033_988_75) % 1) * 0.04 - 0.02
  return {
    atMs,
    value: 1.2 * Math.cos((2 * Math.PI * (atMs - t0 - 2 * HOUR_MS)) / (12.42 * HOUR_MS)) + noise,
  }
})

test('two recorded days give each high and low inside them once, at the right time (none at the edges)', () => {
  const found = extremesFromReadings('phu-an', readings, 'import:test.ndjson')
  const highs = found.filter((e) => e.kind === 'extreme' && e.extreme === 'high')
  const lows = found.filter((e) => e.kind === 'extreme' && e.extreme === 'low')
  expect(highs).toHaveLength(3)
  expect(lows).toHaveLength(3)
  for (const [k, h] of highs.entries()) {
    if (h.kind !== 'extreme') continue
    const expected = t0 + 2 * HOUR_MS + (k + 1) * 12.42 * HOUR_MS
    expect(Math.abs(h.atMs - expected)).toBeLessThanOrEqual(15 * 60_000)
    expect(h.levelM).toBeGreaterThan(1.1)
    expect(h.day).toMatch(/^2025-11-1[01]$/)
  }
})
