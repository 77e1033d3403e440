import type { Alert, AlertEvent, AlertTransition } from '@ioc/domain'
import { applyEngineEvent, type EngineChange } from './apply-engine-event'

/** One change a store writes, in order: the alert as it now stands and its transition, at the event's time. */
export interface AlertWrite extends EngineChange {
  at: number
}

/**
 * What a batch's engine events do to the stored alerts, in event order: the whole lifecycle of the batch,
 * so a store only reads what it asks for and writes what it returns, in one transaction.
 *
 * `active` are the stored alerts the engine holds open (`active`) of the events' keys; `silenced` the
 * subjects (`type:id`) under a silence now. Later events of a key see what earlier ones did to it.
 */
export function planEngineOutput(
  events: readonly AlertEvent[],
  active: readonly Alert[],
  silenced: ReadonlySet<string>,
  newId: () => string,
): AlertWrite[] {
  const byKey = new Map<string, Alert[]>()
  for (const a of active) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a])
  const writes: AlertWrite[] = []
  for (const e of events) {
    const held = byKey.get(e.key) ?? []
    const changes = applyEngineEvent(e, held, {
      id: newId,
      silenced: silenced.has(subjectKey(e.subject)),
    })
    if (!changes.length) continue
    const next = new Map(held.map((a) => [a.id, a]))
    for (const c of changes) {
      if (c.alert.active) next.set(c.alert.id, c.alert)
      else next.delete(c.alert.id)
      writes.push({ ...c, at: e.at })
    }
    byKey.set(e.key, [...next.values()])
  }
  return writes
}

/** The keys and subjects a store reads for `planEngineOutput`. */
export function engineOutputReads(events: readonly AlertEvent[]): { keys: string[]; subjects: string[] } {
  return {
    keys: [...new Set(events.map((e) => e.key))],
    subjects: [...new Set(events.map((e) => subjectKey(e.subject)))],
  }
}

/** `station:phu-an`: how a silenced subject is named in `planEngineOutput`'s set. */
export const subjectKey = (s: { type: string; id: string }) => `${s.type}:${s.id}`

/** The subject of a `subjectKey`: `['station', 'phu-an']`. */
export function splitSubjectKey(key: string): ['station' | 'segment', string] {
  const at = key.indexOf(':')
  return [key.slice(0, at) as 'station' | 'segment', key.slice(at + 1)]
}

/** The audit transition of an engine write: by the system, from the engine, at the event's time. */
export function engineTransition(w: AlertWrite): Omit<AlertTransition, 'seq'> {
  return {
    alertId: w.alert.id,
    action: w.action,
    at: w.at,
    by: 'system',
    origin: 'engine',
    note: '',
    details: w.details,
  }
}
