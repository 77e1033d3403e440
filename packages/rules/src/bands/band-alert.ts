import type { AlertEvent, AlertKind, AlertSubject, LocalizedText } from '@ioc/domain'
import type { Level } from '../config/resolve-rules'
import type { BandState } from '../engine/engine-state'
import { type BandTimers, createBandTimers, stepBand } from './step-band'

/** What changed, for the rule's message. */
export interface BandChange {
  /** Level before and after; 0 = no alert. */
  from: number
  to: number
  value: number
  threshold: number
}

/** One alert key with ordered levels: its thresholds, timers and the event that describes it now. */
export interface BandAlert {
  key: string
  kind: AlertKind
  subject: AlertSubject
  unit: string
  levels: Level[]
  pendingMs: number
  holdMs: number
  timers: BandTimers
  /** The last raised / severity-changed event while open, null when not. */
  open: AlertEvent | null
  describe: (change: BandChange) => LocalizedText
  /** The state last exported (engine/state-codec.ts), handed out again while it still holds. */
  exported: BandState | null
}

export function createBandAlert(fields: Omit<BandAlert, 'key' | 'timers' | 'open' | 'exported'>): BandAlert {
  return {
    ...fields,
    key: `${fields.kind}:${fields.subject.id}`,
    timers: createBandTimers(fields.levels.length),
    open: null,
    exported: null,
  }
}

/** Packs the two masks `stepBand` takes into one number so a rule can return both without allocating. */
export function packMasks(enterMask: number, leaveMask: number): number {
  return enterMask | (leaveMask << 8)
}

/**
 * Feeds one reading to the alert and returns the event it causes, if any. The threshold reported is
 * the raise threshold of the level reached going up, and the release threshold of the lowest level
 * let go going down (the one the reading had to stay beyond for the hold time).
 */
export function stepBandAlert(a: BandAlert, masks: number, value: number, atMs: number): AlertEvent | null {
  const from = a.timers.level
  const to = stepBand(a.timers, masks & 0xff, masks >>> 8, atMs, a.pendingMs, a.holdMs)
  if (to === from) return null
  a.timers.level = to
  const up = to > from
  const threshold = up ? (a.levels[to - 1] as Level).threshold : (a.levels[to] as Level).releaseAt
  const event: AlertEvent = {
    type: from === 0 ? 'raised' : to === 0 ? 'cleared' : 'severity-changed',
    key: a.key,
    kind: a.kind,
    subject: { ...a.subject },
    severity: (a.levels[(to || from) - 1] as Level).severity,
    value,
    threshold,
    unit: a.unit,
    at: atMs,
    message: a.describe({ from, to, value, threshold }),
  }
  a.open = to === 0 ? null : event
  return event
}
