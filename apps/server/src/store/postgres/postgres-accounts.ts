import type { AuditEntry } from '@ioc/domain'
import type pg from 'pg'
import {
  type SessionUserRow,
  type TokenRow,
  toSessionAndUser,
  toToken,
  toUser,
  type UserRow,
} from '../rows/account-rows'
import type { Store } from '../store'

type AccountPart = Pick<
  Store,
  | 'countUsers'
  | 'createUser'
  | 'findUser'
  | 'createSession'
  | 'findSession'
  | 'deleteSession'
  | 'createToken'
  | 'findToken'
  | 'revokeToken'
  | 'appendAudit'
  | 'listAudit'
>

/** Users, sessions, tokens and the audit log in PostgreSQL. */
export function postgresAccounts(pool: pg.Pool): AccountPart {
  return {
    async countUsers() {
      const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM users')
      return rows[0]?.n ?? 0
    },

    async createUser(u) {
      const r = await pool.query(
        'INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [u.name, u.role, u.passwordHash, u.createdAt],
      )
      return r.rowCount === 1
    },

    async findUser(name) {
      const { rows } = await pool.query<UserRow>(
        'SELECT name, role, password_hash, created_at FROM users WHERE name = $1',
        [name],
      )
      return rows[0] ? toUser(rows[0]) : null
    },

    async createSession(s) {
      await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [s.createdAt])
      await pool.query(
        'INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [s.tokenHash, s.userName, s.createdAt, s.expiresAt],
      )
    },

    async findSession(tokenHash, nowMs) {
      const { rows } = await pool.query<SessionUserRow>(
        `SELECT s.token_hash, s.user_name, s.created_at, s.expires_at, u.role, u.password_hash,
                u.created_at AS user_created_at
         FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [tokenHash, nowMs],
      )
      return rows[0] ? toSessionAndUser(rows[0]) : null
    },

    async deleteSession(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])
    },

    async createToken(t) {
      // DO NOTHING without a target also covers the partial unique index on active (kind, name).
      const r = await pool.query(
        'INSERT INTO tokens (token_hash, kind, name, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [t.tokenHash, t.kind, t.name, t.createdAt],
      )
      return r.rowCount === 1
    },

    async findToken(tokenHash) {
      const { rows } = await pool.query<TokenRow>(
        'SELECT token_hash, kind, name, created_at FROM tokens WHERE token_hash = $1 AND revoked_at IS NULL',
        [tokenHash],
      )
      return rows[0] ? toToken(rows[0]) : null
    },

    async revokeToken(kind, name, atMs) {
      const r = await pool.query(
        'UPDATE tokens SET revoked_at = $1 WHERE kind = $2 AND name = $3 AND revoked_at IS NULL',
        [atMs, kind, name],
      )
      return (r.rowCount ?? 0) > 0
    },

    async appendAudit(e) {
      await pool.query(
        'INSERT INTO audit_log (at, actor, action, target, origin, reason) VALUES ($1, $2, $3, $4, $5, $6)',
        [e.at, e.actor, e.action, e.target, e.origin, e.reason],
      )
    },

    async listAudit({ limit, beforeId = Number.MAX_SAFE_INTEGER }) {
      const { rows } = await pool.query<AuditEntry>(
        'SELECT id, at, actor, action, target, origin, reason FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2',
        [beforeId, limit],
      )
      return rows
    },
  }
}
