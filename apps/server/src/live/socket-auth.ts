import { can } from '@ioc/domain'
import type { Socket } from 'socket.io'
import type { Audit } from '../auth/audit-log'
import { authenticate, describePrincipal } from '../auth/authenticate'
import { SESSION_COOKIE } from '../auth/authorize'
import type { Store } from '../store/store'

type Next = (err?: Error) => void

/** A handshake refusal; the client's `connect_error` shows the message and `data.code`. */
function refusal(code: 'unauthenticated' | 'forbidden', reason: string): Error {
  return Object.assign(new Error(reason), { data: { code } })
}

/**
 * Authenticates the handshake like an HTTP request: `auth: { token }` (session, display token) or the
 * session cookie. Only principals that may view the live picture may connect.
 */
export function socketAuth(deps: { store: Store; audit: Audit }) {
  return async (socket: Socket, next: Next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token
    const cookies = (socket.request as { cookies?: Record<string, string> }).cookies
    const auth = await authenticate(
      deps.store,
      { bearer: typeof token === 'string' ? token : undefined, cookie: cookies?.[SESSION_COOKIE] },
      Date.now(),
    )
    const origin = socket.handshake.address
    if (!auth.ok) {
      await deps.audit({
        actor: 'anonymous',
        action: 'socket-refused',
        target: 'live',
        origin,
        reason: auth.error,
      })
      return next(refusal('unauthenticated', auth.error))
    }
    if (!can(auth.value.principal, 'live:view')) {
      const reason = `${describePrincipal(auth.value.principal)} lacks the live:view permission`
      await deps.audit({
        actor: auth.value.principal.name,
        action: 'socket-refused',
        target: 'live',
        origin,
        reason,
      })
      return next(refusal('forbidden', reason))
    }
    socket.data.principal = auth.value.principal
    next()
  }
}
