import type { Alert, AlertReading, AlertTransition, Severity } from '@ioc/domain'
import { peakOf } from '../engine-event/apply-engine-event'

/** One alert as it stood from `at` on. */
interface Version {
  at: number
  alert: Alert
}

/** Alerts raised this long before a replay's start are still looked at: one may be active into it. */
export const RECORDED_LOOKBACK_MS = 7 * 24 * 3600_000

/** A stored alert as it is now, and its audit trail, oldest first. */
export interface AlertHistory {
  alert: Alert
  transitions: readonly AlertTransition[]
}

/**
 * The alerts of a time range as the room saw them, from the alert store's audit trail: raised,
 * severity changes, cleared, acknowledged, assigned, resolved, escalated, each at its recorded time.
 * Answers "what was active at t" and "what changed between two times" from the histories it was given.
 */
export class RecordedAlerts {
  private constructor(private readonly versions: Version[][]) {}

  /** From the histories of the alerts raised up to `RECORDED_LOOKBACK_MS` before `fromMs`. */
  static of(histories: Iterable<AlertHistory>, fromMs: number): RecordedAlerts {
    const versions: Version[][] = []
    for (const { alert, transitions } of histories) {
      const history = versionsOf(alert, transitions)
      const last = history.at(-1)
      // Cleared before the range: nothing of it shows.
      if (last && !(last.alert.clearedAt !== null && last.alert.clearedAt < fromMs)) versions.push(history)
    }
    return new RecordedAlerts(versions)
  }

  /** Alerts active at `t` (raised, not yet cleared) as they stood then, oldest first. */
  activeAt(t: number): Alert[] {
    const out: Alert[] = []
    for (const history of this.versions) {
      const v = stateAt(history, t)
      if (v?.active) out.push(v)
    }
    return out.sort((a, b) => a.raisedAt - b.raisedAt || a.key.localeCompare(b.key))
  }

  /** Every change with fromMs < at ≤ toMs, in time order: the alert as it stood after the change. */
  changesBetween(fromMs: number, toMs: number): Alert[] {
    const out: Version[] = []
    for (const history of this.versions)
      for (const v of history) if (v.at > fromMs && v.at <= toMs) out.push(v)
    return out.sort((a, b) => a.at - b.at).map((v) => v.alert)
  }
}

function stateAt(history: Version[], t: number): Alert | null {
  let found: Alert | null = null
  for (const v of history) {
    if (v.at > t) break
    found = v.alert
  }
  return found
}

/** Replays the audit trail onto the alert's first form; the stored document is the last one. */
function versionsOf(final: Alert, transitions: readonly AlertTransition[]): Version[] {
  const out: Version[] = []
  let a: Alert | null = null
  for (const t of transitions) {
    const d = t.details
    const measured = {
      ...(typeof d.severity === 'string' && { severity: d.severity as Severity }),
      ...(typeof d.value === 'number' && { value: d.value }),
      ...(typeof d.threshold === 'number' && { threshold: d.threshold }),
    }
    if (t.action === 'raised') {
      const raisedOn = readingOf(final, measured, t.at)
      a = {
        ...final,
        ...measured,
        cause: raisedOn,
        peak: raisedOn,
        raisedAt: t.at,
        updatedAt: t.at,
        active: true,
        clearedAt: null,
        ack: null,
        assignee: null,
        resolution: null,
        escalatedAt: null,
      }
    } else if (a !== null && t.action !== 'notified') {
      a = applyTransition(a, t, measured, final)
    } else {
      continue
    }
    out.push({ at: t.at, alert: a })
  }
  return out
}

function applyTransition(a: Alert, t: AlertTransition, measured: Partial<Alert>, final: Alert): Alert {
  const at = t.at
  switch (t.action) {
    case 'severity-changed':
      return { ...a, ...measured, peak: peakOf(a.peak, readingOf(a, measured, at)), updatedAt: at }
    case 'cleared':
      return { ...a, active: false, clearedAt: at, updatedAt: at }
    case 'acknowledged':
      return { ...a, ack: { by: t.by, at, note: t.note }, updatedAt: at }
    case 'assigned':
      return {
        ...a,
        assignee: final.assignee ?? { to: String(t.details.to ?? ''), by: t.by, at },
        updatedAt: at,
      }
    case 'resolved':
      return {
        ...a,
        resolution: { by: t.by, at, note: t.note, forced: t.details.forced === true },
        updatedAt: at,
      }
    case 'escalated':
      return { ...a, escalatedAt: at, updatedAt: at }
    default:
      return a
  }
}

function readingOf(a: Alert, measured: Partial<Alert>, at: number): AlertReading {
  return {
    severity: measured.severity ?? a.severity,
    value: measured.value ?? a.value,
    threshold: measured.threshold ?? a.threshold,
    at,
  }
}
