import type { AlertTransition, Observation } from '@ioc/domain'
import type { BookEntry } from '../alert-book/alert-book'
import type { RulesStatePatch } from '../engine-run/run-engine'

/** One alert a turn stores, as it now stands, with its audit transition (the store numbers it). */
export interface AlertWrite extends BookEntry {
  /** A new alert, which the store inserts; otherwise it replaces the stored one of its id. */
  isNew: boolean
  transition: Omit<AlertTransition, 'seq'>
}

/**
 * What one step of the lifecycle returns for the store to persist in one transaction, and nothing
 * else: the observations it judged (the store drops the ones it already holds, which the engine skipped
 * too), the alert writes in order, and the engine state of the subjects it touched (null when the
 * engine did not run: an officer's action, an escalation, forecast events).
 */
export interface Turn {
  observations: readonly Observation[]
  writes: readonly AlertWrite[]
  state: RulesStatePatch | null
}
