import type { BookContents, Turn } from '@ioc/alerts'
import type {
  Alert,
  AlertQuery,
  AlertTransition,
  NewSilence,
  Observation,
  Role,
  Silence,
  UserSummary,
  WebhookDelivery,
} from '@ioc/domain'
import type {
  FencedOutError,
  PartitionCheckpoint,
  PartitionClaim,
  PartitionTurnCommit,
} from './partition-checkpoint'
import type { InsertResult } from './store'

/** An alert as stored and the transition that made it so. */
export interface AlertChange {
  alert: Alert
  transition: AlertTransition
}

export type NewDelivery = Omit<WebhookDelivery, 'id'>

/** A persisted turn: its observations' insert result and the alert changes as stored (transitions numbered). */
export interface TurnResult extends InsertResult {
  changes: AlertChange[]
}

/**
 * The alert part of the store. It holds none of the lifecycle: the alert service runs the step of
 * `@ioc/alerts` on its engine and alert book, and the store persists each turn it returns whole, in
 * one transaction (the observations, the alerts and their transitions, the engine state).
 */
export interface AlertStore {
  /**
   * True when the store takes each segment's `lastAtMs` from its stored readings on load: the engine
   * then only hands it the segments whose state changed otherwise. False when every reading's
   * `lastAtMs` must be written with it (PostgreSQL, where instances reload each other's rows).
   */
  readonly derivesSegmentReadTimes: boolean
  /**
   * Persists one turn of the lifecycle in one transaction, durable before it resolves: the turn's
   * observations like `insertObservations` (the ones already stored are dropped and counted as
   * duplicates), its alert writes in order, each with its transition, and its engine state. It reads
   * nothing the lifecycle decides on. PostgreSQL refuses, before writing anything, a turn of an
   * instance whose engine or book is behind what another instance committed (StaleRulesStateError).
   */
  persistTurn(turn: Turn): Promise<TurnResult>
  /**
   * `persistTurn` of the turn `step` returns, whose observations are `observations`: the store may
   * send them before it runs the step, so PostgreSQL stores the batch while the engine judges it. A
   * step that throws writes nothing.
   */
  persistSteppedTurn(observations: readonly Observation[], step: () => Turn): Promise<TurnResult>
  /**
   * Takes the checkpoints of partitions for the owner holding `claims`, and returns them by partition:
   * the stream cursor, the engine state of the partition's subjects and their part of the alert book
   * (live at `nowMs`), as the last committed turn of any owner left them. From now on only turns with
   * a claim's token or a newer one are stored for its partition. Waits for a turn of a previous owner
   * still committing. A partition claimed with a newer token is fenced: left out of the answer. One
   * transaction and one read of the book for all (a takeover claims tens of partitions at once).
   */
  claimPartitions(claims: readonly PartitionClaim[], nowMs: number): Promise<Map<number, PartitionCheckpoint>>
  /**
   * Persists partition owners' turns, each with its partition's checkpoint, in one transaction and
   * without any lock beyond those partitions' checkpoint rows (taken in partition order): per turn, the
   * alert writes in order (with transitions), the engine state of the partition's subjects the turn
   * touched, and `cursor`, the last stream entry the turn covers. The observations are not written:
   * the instance that received them stored them before handing them over. Resolves with each turn's
   * alert changes, or the FencedOutError of a turn whose claim is not its partition's latest, of which
   * nothing is written while the others are. At most one turn per partition.
   */
  persistPartitionTurns(commits: readonly PartitionTurnCommit[]): Promise<(AlertChange[] | FencedOutError)[]>
  /**
   * Makes the one engine's state (`loadRulesState`) current with what partition owners committed since,
   * for a single instance on a database a partitioned cluster ran: each partition's subjects' state
   * replaces theirs, and the partitions forget theirs (keeping their cursors), so a cluster started
   * again seeds from the one engine's state. Resolves with how many partitions had state; 0 when none.
   */
  foldPartitionState(): Promise<number>
  /**
   * The engine state saved with the last commit, assembled; null before the first. A store that
   * derives segments' read times takes them from the newest stored readings, unless `asWritten`: a
   * partition's owner seeding from it must not, since readings stored for its stream may not be
   * judged yet, and would then be taken for ones already seen.
   */
  loadRulesState(options?: { asWritten?: boolean }): Promise<Record<string, unknown> | null>
  /** What the alert book starts from: every alert the lifecycle may still change, and the silences live at `nowMs`. */
  loadAlertBook(nowMs: number): Promise<BookContents>

  listAlerts(query: AlertQuery): Promise<Alert[]>
  getAlert(id: string): Promise<Alert | null>
  /** Oldest first. */
  listTransitions(alertId: string): Promise<AlertTransition[]>
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
