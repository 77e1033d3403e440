import type { Alert, AlertEvent, AlertTransition } from '@ioc/domain'
import type { AlertBook, BookEntry } from '../alert-book/alert-book'
import { nextCriticalSince } from '../officer-action/escalate-alert'
import type { AlertWrite } from '../turn/turn'
import { applyEngineEvent, type EngineChange } from './apply-engine-event'

/**
 * What engine events do to the alerts of the book, in event order: the alert writes of a batch or a
 * tick, each with its transition and the time it became critical (`nowMs`, server clock). Later events
 * of a key see what earlier ones did to it; the book itself is left as it is until the writes commit.
 * A raise on a subject silenced at `nowMs` is stored silenced.
 */
export function planEngineOutput(
  events: readonly AlertEvent[],
  book: AlertBook,
  nowMs: number,
  newId: () => string,
): AlertWrite[] {
  /** Active alerts of the keys this batch changed, as the batch left them. */
  const byKey = new Map<string, Alert[]>()
  /** The alerts this batch wrote, as it left them. */
  const written = new Map<string, BookEntry>()
  const writes: AlertWrite[] = []
  for (const e of events) {
    const held = byKey.get(e.key) ?? book.activeOf(e.key)
    const changes = applyEngineEvent(e, held, {
      id: newId,
      silenced: book.isSilenced(e.subject, nowMs),
    })
    if (!changes.length) continue
    const next = new Map(held.map((a) => [a.id, a]))
    for (const c of changes) {
      const before = written.get(c.alert.id) ?? book.get(c.alert.id)
      const entry = {
        alert: c.alert,
        criticalSince: nextCriticalSince(c.alert, before?.criticalSince ?? null, nowMs),
      }
      writes.push({ ...entry, isNew: before === undefined, transition: engineTransition(c, e.at) })
      written.set(c.alert.id, entry)
      if (c.alert.active) next.set(c.alert.id, c.alert)
      else next.delete(c.alert.id)
    }
    byKey.set(e.key, [...next.values()])
  }
  return writes
}

/** The audit transition of an engine change: by the system, from the engine, at the event's time. */
function engineTransition(c: EngineChange, at: number): Omit<AlertTransition, 'seq'> {
  return {
    alertId: c.alert.id,
    action: c.action,
    at,
    by: 'system',
    origin: 'engine',
    note: '',
    details: c.details,
  }
}
