import type { AlertActionError, EngineOutput } from '@ioc/alerts'
import type {
  Alert,
  AlertAction,
  AlertQuery,
  AlertTransition,
  NewSilence,
  Observation,
  Result,
  Role,
  Silence,
  UserSummary,
  WebhookDelivery,
} from '@ioc/domain'
import type { InsertResult } from './store'

/** An alert as stored and the transition that made it so. */
export interface AlertChange {
  alert: Alert
  transition: AlertTransition
}

export type NewDelivery = Omit<WebhookDelivery, 'id'>

export type ActResult = Result<AlertChange, AlertActionError | { code: 'not_found' }>

/**
 * The alert part of the store. Every change writes the alert and its audit transition in one
 * transaction; engine changes are written in the same transaction as the observations that caused them.
 */
export interface AlertStore {
  /**
   * True when the store takes each segment's `lastAtMs` from its stored readings on load: the engine
   * then only hands it the segments whose state changed otherwise. False when every reading's
   * `lastAtMs` must be written with it (PostgreSQL, where instances reload each other's rows).
   */
  readonly derivesSegmentReadTimes: boolean
  /**
   * Inserts a batch like `insertObservations` and, in the same transaction, stores what `derive` makes
   * of the observations actually stored (duplicates left out): alert changes, transitions and the
   * engine state. `derive` runs synchronously inside the transaction. `nowMs` decides silences.
   */
  insertObservationsWithAlerts(
    batch: readonly Observation[],
    derive: (stored: readonly Observation[]) => EngineOutput,
    nowMs: number,
  ): Promise<InsertResult & { changes: AlertChange[] }>
  /** Stores engine output that no observation caused (the sensor-silent clock). */
  commitEngineOutput(output: EngineOutput, nowMs: number): Promise<AlertChange[]>
  /** The engine state saved with the last commit, assembled; null before the first. */
  loadRulesState(): Promise<Record<string, unknown> | null>

  listAlerts(query: AlertQuery): Promise<Alert[]>
  getAlert(id: string): Promise<Alert | null>
  /** Oldest first. */
  listTransitions(alertId: string): Promise<AlertTransition[]>
  /**
   * A duty officer's action, decided by the database: the update only applies if the alert is still as
   * it was read (not acknowledged or resolved meanwhile); the loser learns who won.
   */
  actOnAlert(id: string, action: AlertAction, by: string, atMs: number, origin: string): Promise<ActResult>
  /** Marks unacknowledged, unsilenced critical alerts critical since `beforeMs` or earlier as escalated. */
  escalateDue(beforeMs: number, atMs: number): Promise<AlertChange[]>
  /** Appends a transition written by someone other than the engine or a duty officer (webhook notices). */
  appendTransition(t: Omit<AlertTransition, 'seq'>): Promise<AlertTransition>
  /** Alert counts by kind, severity and state, for metrics. */
  countAlerts(): Promise<{ kind: string; severity: string; state: string; count: number }[]>

  createSilence(silence: NewSilence, by: string, atMs: number): Promise<Silence>
  /** Silences not cancelled and not yet expired at `nowMs`. */
  listSilences(nowMs: number): Promise<Silence[]>
  /** Null when unknown or already lifted. */
  cancelSilence(id: string, atMs: number): Promise<Silence | null>

  recordDelivery(delivery: NewDelivery): Promise<WebhookDelivery>
  listDeliveries(alertId: string): Promise<WebhookDelivery[]>

  /** Users by name, optionally of some roles only. */
  listUsers(roles?: readonly Role[]): Promise<UserSummary[]>
}
