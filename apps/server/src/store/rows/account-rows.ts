import type { Role } from '@ioc/domain'
import type { SessionRecord, TokenKind, TokenRecord, UserRecord } from '../store'

export interface UserRow {
  name: string
  role: Role
  password_hash: string
  created_at: number
}
/** A session joined with its user (`u.created_at AS user_created_at`). */
export interface SessionUserRow {
  token_hash: string
  user_name: string
  created_at: number
  expires_at: number
  role: Role
  password_hash: string
  user_created_at: number
}
export interface TokenRow {
  token_hash: string
  kind: TokenKind
  name: string
  created_at: number
}

export const toUser = (r: UserRow): UserRecord => ({
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
})

export const toSessionAndUser = (r: SessionUserRow): { session: SessionRecord; user: UserRecord } => ({
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
})

export const toToken = (r: TokenRow): TokenRecord => ({
  tokenHash: r.token_hash,
  kind: r.kind,
  name: r.name,
  createdAt: r.created_at,
})
