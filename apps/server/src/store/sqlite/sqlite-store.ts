import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { AuditEntry } from '@ioc/domain'
import Database from 'better-sqlite3'
import {
  type SessionUserRow,
  type TokenRow,
  toSessionAndUser,
  toToken,
  toUser,
  type UserRow,
} from '../rows/account-rows'
import type { NewAuditEntry, SessionRecord, Store, TokenRecord } from '../store'
import { migrate } from './migrations'
import { createSqliteAlertStore } from './sqlite-alert-store'
import { sqliteCitizenReports } from './sqlite-citizen-reports'
import { sqliteDeadLetters } from './sqlite-dead-letters'
import { sqliteIncidentStore } from './sqlite-incident-store'
import { sqliteObservations } from './sqlite-observations'
import { sqliteOpenData } from './sqlite-open-data'
import { sqliteOperationalIncidents } from './sqlite-operational-incidents'
import { sqliteWarnings } from './sqlite-warnings'

/**
 * The embedded store: one SQLite file in WAL mode. `synchronous = FULL` makes every commit fsync the WAL,
 * so a batch acknowledged with 2xx survives a power cut, not only a process crash (NORMAL may lose the
 * last commits on power loss: https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  migrate(db)

  const observations = sqliteObservations(db)
  const insertBatch = db.transaction(observations.insertRegistered)

  const statements = {
    countUsers: db.prepare('SELECT COUNT(*) FROM users').pluck(),
    insertUser: db.prepare(
      'INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    findUser: db.prepare('SELECT name, role, password_hash, created_at FROM users WHERE name = ?'),
    deleteExpiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    insertSession: db.prepare(
      'INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)',
    ),
    findSession: db.prepare(
      `SELECT s.token_hash, s.user_name, s.created_at, s.expires_at, u.role, u.password_hash, u.created_at AS user_created_at
       FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = ? AND s.expires_at > ?`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    insertToken: db.prepare(
      'INSERT INTO tokens (token_hash, kind, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    findToken: db.prepare(
      'SELECT token_hash, kind, name, created_at FROM tokens WHERE token_hash = ? AND revoked_at IS NULL',
    ),
    revokeToken: db.prepare(
      'UPDATE tokens SET revoked_at = ? WHERE kind = ? AND name = ? AND revoked_at IS NULL',
    ),
    appendAudit: db.prepare(
      'INSERT INTO audit_log (at, actor, action, target, origin, reason) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    listAudit: db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?'),
    ping: db.prepare('SELECT 1').pluck(),
  }

  const alerts = createSqliteAlertStore(db, observations.insertRegistered, observations.latestTraffic)
  let closed = false
  const persistTurn: Store['persistTurn'] = async (turn) => {
    observations.register(turn.observations)
    const result = await alerts.persistTurn(turn)
    observations.indexIfDue()
    return result
  }

  return {
    ...alerts,
    ...sqliteIncidentStore(db),
    ...sqliteOperationalIncidents(db),
    ...sqliteDeadLetters(db),
    ...sqliteOpenData(db),
    ...sqliteWarnings(db),
    ...sqliteCitizenReports(db),
    latestObservations: observations.latestObservations,
    history: observations.history,
    observationsInRange: observations.observationsInRange,
    countObservations: observations.countObservations,
    rollups: observations.rollups,
    dropRawReadings: observations.dropRawReadings,
    rawKeptFromMs: observations.rawKeptFromMs,

    async insertObservations(batch) {
      observations.register(batch)
      const result = insertBatch(batch)
      observations.indexIfDue()
      return result
    },

    persistTurn,
    async persistSteppedTurn(_batch, step) {
      return persistTurn(step())
    },

    async countUsers() {
      return statements.countUsers.get() as number
    },

    async createUser(u) {
      return statements.insertUser.run(u.name, u.role, u.passwordHash, u.createdAt).changes === 1
    },

    async findUser(name) {
      const r = statements.findUser.get(name) as UserRow | undefined
      return r ? toUser(r) : null
    },

    async createSession(s: SessionRecord) {
      statements.deleteExpiredSessions.run(s.createdAt)
      statements.insertSession.run(s.tokenHash, s.userName, s.createdAt, s.expiresAt)
    },

    async findSession(tokenHash, nowMs) {
      const r = statements.findSession.get(tokenHash, nowMs) as SessionUserRow | undefined
      return r ? toSessionAndUser(r) : null
    },

    async deleteSession(tokenHash) {
      statements.deleteSession.run(tokenHash)
    },

    async createToken(t: TokenRecord) {
      // DO NOTHING without a target also covers the partial unique index on active (kind, name).
      return statements.insertToken.run(t.tokenHash, t.kind, t.name, t.createdAt).changes === 1
    },

    async findToken(tokenHash) {
      const r = statements.findToken.get(tokenHash) as TokenRow | undefined
      return r ? toToken(r) : null
    },

    async revokeToken(kind, name, atMs) {
      return statements.revokeToken.run(atMs, kind, name).changes > 0
    },

    async appendAudit(e: NewAuditEntry) {
      statements.appendAudit.run(e.at, e.actor, e.action, e.target, e.origin, e.reason)
    },

    async listAudit({ limit, beforeId = Number.MAX_SAFE_INTEGER }) {
      return statements.listAudit.all(beforeId, limit) as AuditEntry[]
    },

    async ping() {
      statements.ping.get()
    },

    async close() {
      if (closed) return
      closed = true
      db.close()
    },
  }
}
