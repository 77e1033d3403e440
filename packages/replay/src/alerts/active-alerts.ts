import { type Alert, type AlertEvent, newAlert } from '@ioc/domain'

/**
 * The alerts the rules engine has active, as `Alert`s (what clients draw), folded from its events.
 * A replay has no duty officer, so these alerts are never acknowledged or resolved; a cleared one
 * leaves the set. Ids are `<prefix>:<key>:<raisedAt>`: stable across seeks, so a client can match them.
 */
export class ActiveAlerts {
  private readonly byKey = new Map<string, Alert>()

  constructor(private readonly idPrefix: string) {}

  /** Applies one engine event; returns the alert as it now stands, or null for an event of no alert. */
  apply(e: AlertEvent): Alert | null {
    const current = this.byKey.get(e.key)
    if (e.type === 'raised') {
      const alert = newAlert({
        id: `${this.idPrefix}:${e.key}:${e.at}`,
        key: e.key,
        kind: e.kind,
        subject: e.subject,
        severity: e.severity,
        value: e.value,
        threshold: e.threshold,
        unit: e.unit,
        message: e.message,
        raisedAt: e.at,
      })
      this.byKey.set(e.key, alert)
      return alert
    }
    if (!current) return null
    const changed: Alert = {
      ...current,
      severity: e.severity,
      value: e.value,
      threshold: e.threshold,
      message: e.message,
      updatedAt: e.at,
      ...(e.type === 'cleared' && { active: false, clearedAt: e.at }),
    }
    if (e.type === 'cleared') this.byKey.delete(e.key)
    else this.byKey.set(e.key, changed)
    return changed
  }

  /** Active alerts in the order they were raised. */
  list(): Alert[] {
    return [...this.byKey.values()].sort((a, b) => a.raisedAt - b.raisedAt || a.key.localeCompare(b.key))
  }

  /** Takes the alerts of a saved list as the active set. */
  restore(alerts: readonly Alert[]): void {
    this.byKey.clear()
    for (const a of alerts) this.byKey.set(a.key, a)
  }
}
