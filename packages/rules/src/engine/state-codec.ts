import type { BandAlert } from '../bands/band-alert'
import type { RateOfRiseAlert } from '../rate-of-rise/rate-of-rise-alert'
import { riseSamples } from '../rate-of-rise/rise-window'
import type { BandState, RateOfRiseState } from './engine-state'

// Timers are NaN in memory (so idle ones never fire without a branch) and null in JSON.
const toJson = (ms: number) => (Number.isNaN(ms) ? null : ms)
const fromJson = (ms: number | null) => (ms === null ? Number.NaN : ms)

/**
 * The band's state as JSON-ready data. Most readings leave a band as it was, so the last export is
 * returned again when it still holds: exporting every touched subject after each batch then costs a
 * comparison instead of new arrays. The result is shared: read it, never change it.
 */
export function exportBand(a: BandAlert): BandState {
  const last = a.exported
  if (last && stillHolds(last, a)) return last
  const next: BandState = {
    level: a.timers.level,
    enterSinceMs: Array.from(a.timers.enterSinceMs, toJson),
    leaveSinceMs: Array.from(a.timers.leaveSinceMs, toJson),
    open: a.open,
  }
  a.exported = next
  return next
}

function stillHolds(s: BandState, a: BandAlert): boolean {
  if (s.level !== a.timers.level || s.open !== a.open) return false
  const { enterSinceMs, leaveSinceMs } = a.timers
  for (let i = 0; i < enterSinceMs.length; i++) {
    if (s.enterSinceMs[i] !== toJson(enterSinceMs[i] as number)) return false
    if (s.leaveSinceMs[i] !== toJson(leaveSinceMs[i] as number)) return false
  }
  return true
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
