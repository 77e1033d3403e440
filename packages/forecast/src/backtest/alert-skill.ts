import type { AlertEvent } from '@ioc/domain'
import { median } from './error-stats'

/** A real passage of a threshold, found in the observations with hysteresis. */
export interface ObservedEvent {
  key: string
  atMs: number
}

export interface AlertSkill {
  events: number
  detected: number
  /** Probability of detection: share of real events an alert was open for beforehand. */
  pod: number | null
  alerts: number
  missed: number
  /** False-alarm ratio: share of judged alerts whose event did not happen. */
  far: number | null
  /** Median minutes from raising the alert to the real event, over detected events. */
  medianLeadMin: number | null
}

/**
 * Scores alert episodes (raised … cleared with an outcome) against the real events of the same keys.
 * An event is detected when an episode of its key was raised before it and not yet closed.
 */
export function scoreAlerts(events: readonly AlertEvent[], observed: readonly ObservedEvent[]): AlertSkill {
  const episodes = new Map<string, { raisedAt: number; closedAt: number }[]>()
  let judged = 0
  let missed = 0
  for (const e of events) {
    const list = episodes.get(e.key) ?? []
    episodes.set(e.key, list)
    if (e.type === 'raised') list.push({ raisedAt: e.at, closedAt: Number.POSITIVE_INFINITY })
    if (e.type === 'cleared' && e.outcome) {
      const last = list.at(-1)
      if (last) last.closedAt = e.at
      judged++
      if (e.outcome === 'missed') missed++
    }
  }
  const leads: number[] = []
  for (const o of observed) {
    const ep = episodes.get(o.key)?.find((p) => p.raisedAt < o.atMs && p.closedAt >= o.atMs)
    if (ep) leads.push((o.atMs - ep.raisedAt) / 60_000)
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000)
  return {
    events: observed.length,
    detected: leads.length,
    pod: ratio(leads.length, observed.length),
    alerts: judged,
    missed,
    far: ratio(missed, judged),
    medianLeadMin: median(leads),
  }
}

/**
 * Real passages of `threshold` in a series: upward (`rise`) once the series has been below
 * `threshold − margin`, or downward (`fall`) once it has been above `release`.
 */
export function findPassages(
  key: string,
  readings: readonly { atMs: number; value: number }[],
  direction: 'rise' | 'fall',
  threshold: number,
  release: number,
): ObservedEvent[] {
  const out: ObservedEvent[] = []
  let armed = false
  for (const r of readings) {
    const safe = direction === 'rise' ? r.value < release : r.value > release
    const passed = direction === 'rise' ? r.value >= threshold : r.value < threshold
    if (safe) armed = true
    else if (armed && passed) {
      out.push({ key, atMs: r.atMs })
      armed = false
    }
  }
  return out
}
