import { type AlertAction, type AlertEvent, type Observation, ok, type Result } from '@ioc/domain'
import type { RulesEngine, SegmentState } from '@ioc/rules'
import type { AlertBook, BookEntry } from '../alert-book/alert-book'
import { planEngineOutput } from '../engine-event/plan-engine-output'
import { runEngine, tickEngine } from '../engine-run/run-engine'
import {
  type AlertActionError,
  actionTransition,
  applyOfficerAction,
} from '../officer-action/apply-officer-action'
import { escalateAlert } from '../officer-action/escalate-alert'
import type { Turn } from './turn'

// The lifecycle step, `(engine, book, input) → turn`: what a batch of observations, a clock tick, events
// made outside the engine, an officer's action or an escalation does, as one `Turn` for a store to
// persist. The engine moves on as it judges (rebuilt from the store if the commit fails); the book is
// read, never changed: it takes the writes in once they commit.

/** The server clock, which decides silences and when an alert became critical, and new alerts' ids. */
export interface StepClock {
  nowMs: number
  newId: () => string
}

/**
 * A batch through the engine. Readings the engine has judged before (the same subject, instant and
 * source: a retried batch) and late ones cause nothing; the store drops the duplicates it holds.
 * `persisted` are the segment states as last stored, for a store that derives read times (runEngine).
 */
export function stepObservations(
  engine: RulesEngine,
  book: AlertBook,
  observations: readonly Observation[],
  clock: StepClock & { persisted?: ReadonlyMap<string, SegmentState> },
): Turn & { state: { segments: Record<string, SegmentState> } } {
  const out = runEngine(engine, observations, clock.persisted)
  return {
    observations,
    writes: planEngineOutput(out.events, book, clock.nowMs, clock.newId),
    state: out.state,
  }
}

/** The engine's clock tick (the sensor-silent rule); null when it changed nothing worth storing. */
export function stepTick(engine: RulesEngine, book: AlertBook, clock: StepClock): Turn | null {
  const out = tickEngine(engine, clock.nowMs)
  if (!out) return null
  return {
    observations: [],
    writes: planEngineOutput(out.events, book, clock.nowMs, clock.newId),
    state: out.state,
  }
}

/** Alert events made outside the engine (the forecasts), through the same lifecycle; no engine state. */
export function stepEvents(book: AlertBook, events: readonly AlertEvent[], clock: StepClock): Turn {
  return { observations: [], writes: planEngineOutput(events, book, clock.nowMs, clock.newId), state: null }
}

/** A duty officer's action on one alert, or why it is refused (who got there first). */
export function stepOfficerAction(
  entry: BookEntry,
  action: AlertAction,
  by: string,
  atMs: number,
  origin: string,
): Result<Turn, AlertActionError> {
  const applied = applyOfficerAction(entry.alert, action, by, atMs)
  if (!applied.ok) return applied
  const transition = actionTransition(applied.value, action, by, atMs, origin)
  const write = { alert: applied.value, criticalSince: entry.criticalSince, isNew: false, transition }
  return ok({ observations: [], writes: [write], state: null })
}

/** Escalates the alerts of the book critical and unacknowledged since `beforeMs`; null when none is due. */
export function stepEscalation(book: AlertBook, beforeMs: number, atMs: number): Turn | null {
  const writes = book.dueForEscalation(beforeMs).map((e) => {
    const { alert, transition } = escalateAlert(e.alert, atMs, e.criticalSince)
    return { alert, criticalSince: e.criticalSince, isNew: false, transition }
  })
  return writes.length ? { observations: [], writes, state: null } : null
}
