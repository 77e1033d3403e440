import { issuesFromZod } from '@ioc/domain'
import { Router } from 'express'
import { authorize } from '../auth/authorize'
import type { ServerContext } from './context'
import { AuditParams } from './query-params'
import { sendError } from './send-error'

export function adminRoutes(ctx: ServerContext): Router {
  const router = Router()
  router.get('/audit', authorize(ctx, 'audit:read'), async (req, res) => {
    const q = AuditParams.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    res.json(
      await ctx.store.listAudit({ limit: q.data.limit, ...(q.data.before && { beforeId: q.data.before }) }),
    )
  })
  return router
}
