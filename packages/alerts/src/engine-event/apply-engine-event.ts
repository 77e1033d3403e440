import { type Alert, type AlertEvent, type AlertReading, newAlert, SEVERITY_RANK } from '@ioc/domain'

/** What an engine event did to one alert; the store writes the alert and the transition named `action`. */
export interface EngineChange {
  alert: Alert
  action: 'raised' | 'severity-changed' | 'cleared'
  details: Record<string, unknown>
}

/**
 * What one engine event does to the alerts of its key. `active` are the alerts of the key the engine
 * still holds open (at most one unresolved, plus one a duty officer force-resolved while it was
 * active). Pure, so live ingest, replays and every store apply events the same way.
 *
 * - raised: a new alert, unless an unresolved one is already active (then it is an update, never a
 *   second alert for the same condition);
 * - severity-changed: updates the unresolved alert; after a forced resolution only a rise opens a new
 *   alert, so "I handled it" is not undone by the level easing but a worsening is seen;
 * - cleared: ends every active alert of the key, resolved or not.
 *
 * The current severity, value and threshold follow the events; `cause` stays what raised the alert and
 * `peak` the most severe reading, so a cleared báo động III alert still says it reached III.
 */
export function applyEngineEvent(
  e: AlertEvent,
  active: readonly Alert[],
  next: { id: () => string; silenced: boolean },
): EngineChange[] {
  const open = active.find((a) => a.resolution === null)
  const forced = active.find((a) => a.resolution !== null)
  const values = {
    severity: e.severity,
    value: e.value,
    threshold: e.threshold,
    unit: e.unit,
    message: e.message,
    updatedAt: e.at,
    ...forecastFields(e),
  }
  const details = { severity: e.severity, value: e.value, threshold: e.threshold, unit: e.unit }
  if (e.type === 'cleared') {
    return active.map((a) => ({
      alert: { ...a, ...values, severity: a.severity, active: false, clearedAt: e.at },
      action: 'cleared',
      details,
    }))
  }
  const changed = (a: Alert): EngineChange => ({
    alert: { ...a, ...values, peak: peakOf(a.peak, readingOf(e)) },
    action: 'severity-changed',
    details: { ...details, from: a.severity },
  })
  if (open) return open.severity === e.severity && e.type === 'raised' ? [] : [changed(open)]
  if (
    forced &&
    e.type === 'severity-changed' &&
    SEVERITY_RANK[e.severity] <= SEVERITY_RANK[forced.severity]
  ) {
    return [changed(forced)]
  }
  const alert = newAlert({
    id: next.id(),
    key: e.key,
    kind: e.kind,
    subject: e.subject,
    ...values,
    raisedAt: e.at,
    silenced: next.silenced,
  })
  return [{ alert, action: 'raised', details }]
}

function readingOf(e: AlertEvent): AlertReading {
  return { severity: e.severity, value: e.value, threshold: e.threshold, at: e.at }
}

/** The more severe of two readings; the earlier one on a tie, so the peak is when it first got there. */
export function peakOf(peak: AlertReading, r: AlertReading): AlertReading {
  return SEVERITY_RANK[r.severity] > SEVERITY_RANK[peak.severity] ? r : peak
}

function forecastFields(e: AlertEvent): Pick<Alert, 'forecastFor' | 'leadMin' | 'outcome'> {
  return {
    ...(e.forecastFor !== undefined && { forecastFor: e.forecastFor }),
    ...(e.leadMin !== undefined && { leadMin: e.leadMin }),
    ...(e.outcome !== undefined && { outcome: e.outcome }),
  }
}
