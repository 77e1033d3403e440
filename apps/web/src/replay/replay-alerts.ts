import type { Alert } from '@ioc/domain'

/**
 * The alerts active at the replay clock after one `replay:alert`: replaced by id, dropped once cleared.
 * Recorded and replayed alerts follow the server's "active at t" (a cleared alert leaves the picture).
 */
export function applyActiveChange(alerts: readonly Alert[], changed: Alert): Alert[] {
  const others = alerts.filter((a) => a.id !== changed.id)
  return changed.active ? [...others, changed] : others
}

/**
 * Every alert seen so far by id, keeping the latest version. Replayed ids are `replayed:<key>:<raisedAt>`,
 * stable across seeks (packages/alerts `ReplayedAlerts`), so seeking back and forth adds no duplicates.
 */
export function rememberAlerts(
  seen: ReadonlyMap<string, Alert>,
  alerts: readonly Alert[],
): Map<string, Alert> {
  const next = new Map(seen)
  for (const a of alerts) {
    const known = next.get(a.id)
    if (!known || known.updatedAt <= a.updatedAt) next.set(a.id, a)
  }
  return next
}

/** Alerts raised up to `t`, newest first: the lists beside the map show what the replay has reached. */
export function raisedBy(alerts: Iterable<Alert>, t: number): Alert[] {
  return [...alerts].filter((a) => a.raisedAt <= t).sort((a, b) => b.raisedAt - a.raisedAt)
}
