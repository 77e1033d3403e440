import { createHash, randomBytes } from 'node:crypto'

export type TokenType = 'session' | 'ingest-key' | 'display' | 'open311-key'

/** A prefix per kind tells the server which table to look in and lets secret scanners spot leaked keys. */
const PREFIX: Record<TokenType, string> = {
  session: 'ioc_s_',
  'ingest-key': 'ioc_k_',
  display: 'ioc_d_',
  'open311-key': 'ioc_o_',
}

/** 256 random bits, base64url, with the kind's prefix. Shown once; only its hash is stored. */
export function newToken(type: TokenType): string {
  return PREFIX[type] + randomBytes(32).toString('base64url')
}

export function tokenTypeOf(token: string): TokenType | null {
  for (const [type, prefix] of Object.entries(PREFIX)) if (token.startsWith(prefix)) return type as TokenType
  return null
}

/** SHA-256, hex. A fast hash is enough: the tokens are random, not guessable passwords. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
