import type { Alert, AlertEvent } from '@ioc/domain'
import { applyEngineEvent } from '../engine-event/apply-engine-event'

/**
 * The alerts the rules engine has active in a replay, folded from its events by the same lifecycle step
 * the stores persist. A replay has no duty officer, so these alerts are never acknowledged or resolved;
 * a cleared one leaves the set. Ids are `<prefix>:<key>:<raisedAt>`: stable across seeks, so a client
 * can match them.
 */
export class ReplayedAlerts {
  private readonly byKey = new Map<string, Alert>()

  constructor(private readonly idPrefix: string) {}

  /** Applies one engine event; returns the alert as it now stands, or null for an event of no alert. */
  apply(e: AlertEvent): Alert | null {
    const current = this.byKey.get(e.key)
    // A change or clear of an alert raised before the replay's warm-up is not one it can show.
    if (!current && e.type !== 'raised') return null
    const [change] = applyEngineEvent(e, current ? [current] : [], {
      id: () => `${this.idPrefix}:${e.key}:${e.at}`,
      silenced: false,
    })
    if (!change) return null
    if (change.action === 'cleared') this.byKey.delete(e.key)
    else this.byKey.set(e.key, change.alert)
    return change.alert
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
