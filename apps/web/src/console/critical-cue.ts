import type { Alert } from '@ioc/domain'

/** One cue per alert and escalation: an alert pushed again after escalating rings again. */
function cueKey(a: Alert): string {
  return `${a.id}@${a.escalatedAt ?? 0}`
}

function needsCue(a: Alert): boolean {
  return a.severity === 'critical' && a.ack === null && a.resolution === null && !a.silenced
}

/**
 * Critical, unacknowledged alerts not cued before: newly raised, raised to critical, or escalated.
 * `seen` is the keys already cued; the caller keeps the returned set for the next call.
 */
export function newCriticals(
  seen: ReadonlySet<string>,
  alerts: readonly Alert[],
): { fresh: Alert[]; seen: Set<string> } {
  const next = new Set<string>()
  const fresh: Alert[] = []
  for (const a of alerts) {
    if (!needsCue(a)) continue
    const key = cueKey(a)
    next.add(key)
    if (!seen.has(key)) fresh.push(a)
  }
  return { fresh, seen: next }
}
