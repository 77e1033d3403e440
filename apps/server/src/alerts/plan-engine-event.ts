import { type Alert, type AlertEvent, newAlert, SEVERITY_RANK } from '@ioc/domain'

export interface PlannedChange {
  alert: Alert
  action: 'raised' | 'severity-changed' | 'cleared'
  details: Record<string, unknown>
}

/**
 * What one engine event does to the stored alerts of its key. `active` are the stored alerts of the key
 * the engine still holds open (at most one unresolved, plus one a duty officer force-resolved while it
 * was active). Pure, so every store implementation applies events the same way.
 *
 * - raised: a new alert, unless an unresolved one is already active (then it is an update, never a
 *   second alert for the same condition);
 * - severity-changed: updates the unresolved alert; after a forced resolution only a rise opens a new
 *   alert, so "I handled it" is not undone by the level easing but a worsening is seen;
 * - cleared: ends every active alert of the key, resolved or not.
 */
export function planEngineEvent(
  e: AlertEvent,
  active: readonly Alert[],
  next: { id: () => string; silenced: boolean },
): PlannedChange[] {
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
  if (open) {
    if (open.severity === e.severity && e.type === 'raised') return []
    return [
      {
        alert: { ...open, ...values },
        action: 'severity-changed',
        details: { ...details, from: open.severity },
      },
    ]
  }
  if (
    forced &&
    e.type === 'severity-changed' &&
    SEVERITY_RANK[e.severity] <= SEVERITY_RANK[forced.severity]
  ) {
    return [
      {
        alert: { ...forced, ...values },
        action: 'severity-changed',
        details: { ...details, from: forced.severity },
      },
    ]
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

function forecastFields(e: AlertEvent): Pick<Alert, 'forecastFor' | 'leadMin' | 'outcome'> {
  return {
    ...(e.forecastFor !== undefined && { forecastFor: e.forecastFor }),
    ...(e.leadMin !== undefined && { leadMin: e.leadMin }),
    ...(e.outcome !== undefined && { outcome: e.outcome }),
  }
}
