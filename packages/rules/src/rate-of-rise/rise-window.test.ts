import fc from 'fast-check'
import { expect, test } from 'vitest'
import { roundDecimal } from '../config/round-decimal'
import { createRiseWindow, pushRise, riseSamples } from './rise-window'

test('the rise is the reading minus the lowest reading of the last window, however long the series', () => {
  const readings = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 300 })),
    {
      minLength: 1,
      maxLength: 400,
    },
  )
  fc.assert(
    fc.property(readings, (steps) => {
      const w = createRiseWindow(900_000)
      const seen: { atMs: number; m: number }[] = []
      let atMs = 0
      for (const [gap, cm] of steps) {
        atMs += gap
        seen.push({ atMs, m: cm / 100 })
        const lowest = Math.min(...seen.filter((r) => r.atMs >= atMs - 900_000).map((r) => r.m))
        expect(pushRise(w, atMs, cm / 100)).toBe(roundDecimal(cm / 100 - lowest))
      }
      // The kept samples never outgrow the window, so a gauge reporting every few seconds stays cheap.
      expect(riseSamples(w).every(([t]) => t >= atMs - 900_000)).toBe(true)
    }),
  )
})
