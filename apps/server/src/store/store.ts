import type { AuditEntry, History, Observation, Role } from '@ioc/domain'
import type { AlertStore } from './alert-store'
import type { CitizenReportStore } from './citizen-report-store'
import type { DeadLetterStore } from './dead-letter-store'
import type { HistoryStore } from './history-store'
import type { IncidentStore } from './incident-store'
import type { OpenDataStore } from './open-data-store'
import type { OperationalIncidentStore } from './operational-incident-store'
import type { WarningStore } from './warning-store'

export interface InsertResult {
  accepted: number
  duplicates: number
  /** The observations this call stored, in batch order; duplicates are left out. */
  stored: Observation[]
}

export interface HistoryQuery {
  type: 'traffic' | 'water'
  subjectId: string
  /** Epoch ms, inclusive. */
  fromMs: number
  /** Epoch ms, exclusive. */
  toMs: number
  /** Above this many readings the range is averaged into this many equal time buckets or fewer. */
  maxPoints: number
}

export interface UserRecord {
  name: string
  role: Role
  /** `scrypt$N$r$p$salt$hash`, see auth/password.ts. */
  passwordHash: string
  createdAt: number
}

export interface SessionRecord {
  /** SHA-256 of the token, hex; the token itself is never stored. */
  tokenHash: string
  userName: string
  createdAt: number
  expiresAt: number
}

/** `open311-key`: a partner citizen app's Open311 `api_key`, good for /open311/v2 only. */
export type TokenKind = 'ingest-key' | 'display' | 'open311-key'

export interface TokenRecord {
  kind: TokenKind
  name: string
  /** SHA-256 of the token, hex. */
  tokenHash: string
  createdAt: number
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>

/**
 * Everything the server keeps. Async so that a networked database fits the same interface;
 * `store-contract.ts` is the behaviour every implementation must show.
 */
export interface Store
  extends AlertStore,
    IncidentStore,
    OperationalIncidentStore,
    DeadLetterStore,
    HistoryStore,
    OpenDataStore,
    WarningStore,
    CitizenReportStore {
  /** Stores a batch in one transaction, durably, before resolving. Idempotent per (subject, observedAt, source). */
  insertObservations(batch: readonly Observation[]): Promise<InsertResult>
  /** The latest observation per subject at or before `atMs` (default: all), traffic first, by subject id. */
  latestObservations(atMs?: number): Promise<Observation[]>
  history(query: HistoryQuery): Promise<Pick<History, 'bucketMs' | 'points'>>
  /** Every observation with fromMs ≤ observedAt < toMs in time order, in pages of at most `pageSize`. */
  observationsInRange(fromMs: number, toMs: number, pageSize?: number): AsyncIterable<Observation[]>
  countObservations(): Promise<number>

  countUsers(): Promise<number>
  /** False when a user of that name exists. */
  createUser(user: UserRecord): Promise<boolean>
  findUser(name: string): Promise<UserRecord | null>

  createSession(session: SessionRecord): Promise<void>
  /** The session's user, or null when unknown or expired at `nowMs`. */
  findSession(tokenHash: string, nowMs: number): Promise<{ session: SessionRecord; user: UserRecord } | null>
  deleteSession(tokenHash: string): Promise<void>

  /** False when an unrevoked token of that kind and name exists. */
  createToken(token: TokenRecord): Promise<boolean>
  /** An unrevoked token, or null. */
  findToken(tokenHash: string): Promise<TokenRecord | null>
  /** False when no unrevoked token of that kind and name exists. */
  revokeToken(kind: TokenKind, name: string, atMs: number): Promise<boolean>

  /** The audit log is append-only: there is no way to change or remove an entry. */
  appendAudit(entry: NewAuditEntry): Promise<void>
  /** Newest first; `beforeId` pages further back. */
  listAudit(query: { limit: number; beforeId?: number }): Promise<AuditEntry[]>

  /** Throws when the store cannot answer. */
  ping(): Promise<void>
  close(): Promise<void>
}
