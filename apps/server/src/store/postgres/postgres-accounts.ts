import type { AuditEntry, Role } from '@ioc/domain'
import type pg from 'pg'
import type { Store, TokenKind, UserRecord } from '../store'

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

interface UserRow {
  name: string
  role: Role
  password_hash: string
  created_at: number
}
const toUser = (r: UserRow): UserRecord => ({
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
})

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
      const { rows } = await pool.query<{
        token_hash: string
        user_name: string
        created_at: number
        expires_at: number
        role: Role
        password_hash: string
        user_created_at: number
      }>(
        `SELECT s.token_hash, s.user_name, s.created_at, s.expires_at, u.role, u.password_hash,
                u.created_at AS user_created_at
         FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [tokenHash, nowMs],
      )
      const r = rows[0]
      if (!r) return null
      return {
        session: {
          tokenHash: r.token_hash,
          userName: r.user_name,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        },
        user: toUser({
          name: r.user_name,
          role: r.role,
          password_hash: r.password_hash,
          created_at: r.user_created_at,
        }),
      }
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
      const { rows } = await pool.query<{
        token_hash: string
        kind: TokenKind
        name: string
        created_at: number
      }>(
        'SELECT token_hash, kind, name, created_at FROM tokens WHERE token_hash = $1 AND revoked_at IS NULL',
        [tokenHash],
      )
      const r = rows[0]
      return r ? { tokenHash: r.token_hash, kind: r.kind, name: r.name, createdAt: r.created_at } : null
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
