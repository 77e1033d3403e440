import type { BandAlert } from '../bands/band-alert'
import type { RateOfRiseAlert } from '../rate-of-rise/rate-of-rise-alert'
import { riseSamples } from '../rate-of-rise/rise-window'
import type { BandState, RateOfRiseState } from './engine-state'

// Timers are NaN in memory (so idle ones never fire without a branch) and null in JSON.
const toJson = (ms: number) => (Number.isNaN(ms) ? null : ms)
const fromJson = (ms: number | null) => (ms === null ? Number.NaN : ms)

export function exportBand(a: BandAlert): BandState {
  return {
    level: a.timers.level,
    enterSinceMs: Array.from(a.timers.enterSinceMs, toJson),
    leaveSinceMs: Array.from(a.timers.leaveSinceMs, toJson),
    open: a.open,
  }
}

/**
 * Restores a band's level, open event and timers. Timers saved for a different number of levels
 * (the station's levels changed between runs) are dropped: they restart with the next reading.
 */
export function restoreBand(a: BandAlert, s: BandState): void {
  a.timers.level = Math.min(s.level, a.levels.length)
  a.open = a.timers.level === 0 ? null : s.open
  if (s.enterSinceMs.length === a.levels.length) a.timers.enterSinceMs.set(s.enterSinceMs.map(fromJson))
  if (s.leaveSinceMs.length === a.levels.length) a.timers.leaveSinceMs.set(s.leaveSinceMs.map(fromJson))
}

export function exportRateOfRise(a: RateOfRiseAlert): RateOfRiseState {
  return { band: exportBand(a.band), samples: riseSamples(a.window) }
}

export function restoreRateOfRise(a: RateOfRiseAlert, s: RateOfRiseState): void {
  restoreBand(a.band, s.band)
  a.window.times = s.samples.map(([t]) => t)
  a.window.values = s.samples.map(([, v]) => v)
  a.window.head = 0
}
