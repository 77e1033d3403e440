import { can, type Permission, type Principal } from '@ioc/domain'
import type { Request, RequestHandler, Response } from 'express'
import { sendError } from '../api/send-error'
import type { Store } from '../store/store'
import type { Audit } from './audit-log'
import { authenticate, bearerOf, describePrincipal } from './authenticate'

export const SESSION_COOKIE = 'ioc_session'

interface Locals {
  principal: Principal
  /** Set when the caller used a session (cookie or bearer), for logout. */
  sessionHash?: string
}

export function principalOf(res: Response): Principal {
  return (res.locals as Locals).principal
}

export function sessionHashOf(res: Response): string | undefined {
  return (res.locals as Locals).sessionHash
}

export function credentialsOf(req: Request): { bearer?: string; cookie?: string } {
  return { bearer: bearerOf(req.headers.authorization), cookie: req.cookies?.[SESSION_COOKIE] }
}

/**
 * Lets the request through when the caller is authenticated and, if a permission is named, holds it.
 * Otherwise answers 401 or 403 with the reason and records the refusal in the audit log.
 */
export function authorize(
  deps: { store: Store; audit: Audit },
  permission: Permission | null,
): RequestHandler {
  return async (req, res, next) => {
    const auth = await authenticate(deps.store, credentialsOf(req), Date.now())
    const target = `${req.method} ${req.originalUrl}`
    if (!auth.ok) {
      await deps.audit({
        actor: 'anonymous',
        action: 'request-refused',
        target,
        origin: req.ip ?? '',
        reason: auth.error,
      })
      return sendError(res, 'unauthenticated', auth.error)
    }
    if (permission && !can(auth.value.principal, permission)) {
      const reason = `${describePrincipal(auth.value.principal)} lacks the ${permission} permission`
      await deps.audit({
        actor: auth.value.principal.name,
        action: 'request-refused',
        target,
        origin: req.ip ?? '',
        reason,
      })
      return sendError(res, 'forbidden', reason)
    }
    const locals: Locals = {
      principal: auth.value.principal,
      ...(auth.value.sessionHash && { sessionHash: auth.value.sessionHash }),
    }
    Object.assign(res.locals, locals)
    next()
  }
}
