import cors from 'cors'
import { Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { sendError } from '../api/send-error'
import type { PublicConfig } from './public-config'

/**
 * The front of every public endpoint: anonymous, any origin, rate-limited per client address, and
 * read-only unless `methods` names more. Mount a public router at its own path outside /api/v1, so no
 * session cookie or staff middleware is ever involved:
 *
 *   const pub = publicRouter(ctx.config.public)
 *   pub.get('/things', (req, res) => cache.send(req, res, json, 'application/json'))
 *   app.use('/open-data', pub)
 */
export function publicRouter(config: PublicConfig, methods: readonly string[] = ['GET', 'HEAD']): Router {
  const router = Router()
  const allowed = new Set([...methods, 'OPTIONS'])
  const allow = [...allowed].join(', ')
  // Public data may be read from any web page; no credentials are accepted, so none can leak.
  router.use(cors({ origin: '*', methods: [...allowed], credentials: false }))
  router.use((req, res, next) => {
    if (allowed.has(req.method)) return next()
    res.set('Allow', allow)
    sendError(res, 'method_not_allowed', `${req.method} is not allowed here; this endpoint allows ${allow}`)
  })
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: config.rateLimitPerMin,
      // draft-7, not draft-8: draft-8's policy header carries a SHA-256 of the client's key, computed
      // on every request, and public answers are mostly cache hits that cost less than that.
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res) =>
        sendError(
          res,
          'rate_limited',
          `more than ${config.rateLimitPerMin} requests a minute from this address; try again in a minute`,
        ),
    }),
  )
  return router
}
