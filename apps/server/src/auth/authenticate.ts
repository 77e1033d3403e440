import { err, ok, type Principal, type Result } from '@ioc/domain'
import type { Store } from '../store/store'
import { hashToken, tokenTypeOf } from './tokens'

/** Who the caller is, or why they are refused. */
export type Authentication = Result<{ principal: Principal; sessionHash?: string }, string>

/**
 * Resolves the caller from a bearer token (session, ingest key or display token) or the session cookie.
 * Shared by HTTP and the Socket.IO handshake so both refuse for the same reasons.
 */
export async function authenticate(
  store: Store,
  credentials: { bearer?: string | undefined; cookie?: string | undefined },
  nowMs: number,
): Promise<Authentication> {
  const token = credentials.bearer ?? credentials.cookie
  if (!token) return err('sign in, or send a bearer token')
  const type = tokenTypeOf(token)
  const hash = hashToken(token)
  if (type === 'session') {
    const found = await store.findSession(hash, nowMs)
    if (!found) return err('the session has expired or was signed out')
    return ok({
      principal: { kind: 'user', name: found.user.name, role: found.user.role },
      sessionHash: hash,
    })
  }
  if (type === 'ingest-key' || type === 'display') {
    const found = await store.findToken(hash)
    if (!found || found.kind !== type) return err(`the ${type} token is unknown or revoked`)
    return ok({ principal: { kind: type, name: found.name } })
  }
  if (type === 'open311-key') return err('an Open311 api_key is good for /open311/v2 only')
  return err('the token is not one this server issues')
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerOf(header: string | undefined): string | undefined {
  const m = header && /^Bearer\s+(\S+)$/i.exec(header)
  return m ? m[1] : undefined
}

export function describePrincipal(p: Principal): string {
  return p.kind === 'user' ? `${p.name} (${p.role})` : `${p.kind} ${p.name}`
}
