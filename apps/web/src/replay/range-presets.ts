import { startOfLocalDay } from './hcmc-time'
import type { TimeRange } from './marker-layout'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export type PresetId = 'last6h' | 'last24h' | 'today' | 'yesterday'
export const PRESETS: readonly PresetId[] = ['last6h', 'last24h', 'today', 'yesterday']

/** A preset range at `now`, on whole minutes; days are HCMC days. */
export function presetRange(id: PresetId, now: number): TimeRange {
  const end = Math.floor(now / 60_000) * 60_000
  const midnight = startOfLocalDay(now)
  switch (id) {
    case 'last6h':
      return { from: end - 6 * HOUR_MS, to: end }
    case 'last24h':
      return { from: end - DAY_MS, to: end }
    case 'today':
      return { from: midnight, to: end > midnight ? end : midnight + 60_000 }
    case 'yesterday':
      return { from: midnight - DAY_MS, to: midnight }
  }
}
