import { describe, expect, test } from 'vitest'
import { elapsedLabel, nextSpeed, progressOf, speedLabel } from './clock-display'

const FROM = Date.parse('2025-11-06T15:00:00+07:00')

describe('replay clock display', () => {
  test('elapsed time since the start of the range, past a day in hours', () => {
    expect(elapsedLabel(FROM, FROM)).toBe('+0:00:00')
    expect(elapsedLabel(FROM + (2 * 3600 + 5 * 60 + 9) * 1000, FROM)).toBe('+2:05:09')
    expect(elapsedLabel(FROM + 26 * 3_600_000 + 300_000, FROM)).toBe('+26:05:00')
    expect(elapsedLabel(FROM - 5000, FROM)).toBe('+0:00:00')
  })

  test('+ and − walk the offered speeds and stop at the ends', () => {
    expect(nextSpeed(60, 1)).toBe(600)
    expect(nextSpeed(60, -1)).toBe(10)
    expect(nextSpeed(3600, 1)).toBe(3600)
    expect(nextSpeed(1, -1)).toBe(1)
    // A speed set elsewhere (the API allows any 1…3600) goes to the nearest offered one.
    expect(nextSpeed(120, 1)).toBe(600)
    expect(nextSpeed(120, -1)).toBe(60)
    expect(speedLabel(3600)).toBe('3600×')
  })

  test('progress through the range is clamped', () => {
    expect(progressOf(FROM + 1800_000, FROM, FROM + 3600_000)).toBe(0.5)
    expect(progressOf(FROM + 7200_000, FROM, FROM + 3600_000)).toBe(1)
    expect(progressOf(FROM, FROM, FROM)).toBe(0)
  })
})
