import { issuesFromZod } from '@ioc/domain'
import { Router } from 'express'
import { authorize } from '../auth/authorize'
import type { ServerContext } from './context'
import { AuditParams } from './query-params'
import { sendError } from './send-error'

/** `GET /dead-letters`: feed messages that could not be ingested, newest first (admins). */
export function deadLetterRoutes(ctx: ServerContext): Router {
  const router = Router()
  // Paged like the audit log, and as sensitive: a payload may carry a feed's internals.
  router.get('/dead-letters', authorize(ctx, 'audit:read'), async (req, res) => {
    const q = AuditParams.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    res.json(
      await ctx.store.listDeadLetters({
        limit: q.data.limit,
        ...(q.data.before && { beforeId: q.data.before }),
      }),
    )
  })
  return router
}
