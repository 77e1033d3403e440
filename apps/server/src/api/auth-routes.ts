import { LoginRequest, type LoginResponse, type Me, permissionsOf } from '@ioc/domain'
import express, { Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { authorize, principalOf, SESSION_COOKIE, sessionHashOf } from '../auth/authorize'
import { hashPassword, verifyPassword } from '../auth/password'
import { hashToken, newToken } from '../auth/tokens'
import type { ServerContext } from './context'
import { sendError } from './send-error'

const WRONG = 'wrong user name or password'

export function authRoutes(ctx: ServerContext): Router {
  const { store, audit, config } = ctx
  const router = Router()
  // Compared against when the user does not exist, so a wrong name costs as long as a wrong password.
  const decoy = hashPassword('decoy password that matches nothing')

  const failedLogins = rateLimit({
    windowMs: 15 * 60_000,
    limit: config.loginMaxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: async (req, res) => {
      const reason = 'too many failed logins from this address; try again in 15 minutes'
      await audit({
        actor: 'anonymous',
        action: 'login-failed',
        target: req.body?.name ?? null,
        origin: req.ip ?? '',
        reason,
      })
      sendError(res, 'rate_limited', reason)
    },
  })

  router.post('/auth/login', express.json({ limit: '16kb' }), failedLogins, async (req, res) => {
    const parsed = LoginRequest.safeParse(req.body)
    if (!parsed.success) return sendError(res, 'invalid_request', 'send {"name", "password"}')
    const { name, password } = parsed.data
    const user = await store.findUser(name)
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoy))
    if (!user || !ok) {
      await audit({ actor: name, action: 'login-failed', target: name, origin: req.ip ?? '', reason: WRONG })
      return sendError(res, 'unauthenticated', WRONG)
    }
    const token = newToken('session')
    const now = Date.now()
    const expiresAt = now + config.sessionTtlMs
    await store.createSession({ tokenHash: hashToken(token), userName: user.name, createdAt: now, expiresAt })
    await audit({ actor: user.name, action: 'login', target: user.name, origin: req.ip ?? '' })
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      path: '/',
      maxAge: config.sessionTtlMs,
    })
    const body: LoginResponse = { token, user: { name: user.name, role: user.role }, expiresAt }
    res.json(body)
  })

  router.post('/auth/logout', authorize(ctx, null), async (req, res) => {
    const hash = sessionHashOf(res)
    if (!hash) return sendError(res, 'invalid_request', 'only a signed-in session can sign out')
    await store.deleteSession(hash)
    await audit({ actor: principalOf(res).name, action: 'logout', target: null, origin: req.ip ?? '' })
    res.clearCookie(SESSION_COOKIE, { path: '/' })
    res.status(204).end()
  })

  router.get('/auth/me', authorize(ctx, null), (_req, res) => {
    const principal = principalOf(res)
    const body: Me = { principal, permissions: [...permissionsOf(principal)] }
    res.json(body)
  })

  return router
}
