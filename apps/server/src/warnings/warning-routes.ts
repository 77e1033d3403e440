import {
  ApproveWarningBody,
  issuesFromZod,
  type PublicWarningList,
  RejectWarningBody,
  WarningQuery,
  type WarningSettings,
} from '@ioc/domain'
import express, { type Request, type Response, Router } from 'express'
import type { z } from 'zod'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { authorize, principalOf } from '../auth/authorize'
import type { WarningResult, WarningService } from './warning-service'

/** The duty officers' side of public warnings: the queue of drafts, approve, reject, withdraw. */
export function warningRoutes(ctx: ServerContext, warnings: WarningService): Router {
  const router = Router()
  const view = authorize(ctx, 'live:view')
  const act = authorize(ctx, 'alerts:act')
  const body = express.json({ limit: '16kb' })

  router.get('/warnings', view, async (req, res) => {
    const q = WarningQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    const list: PublicWarningList = { warnings: await ctx.store.listWarnings(q.data) }
    res.json(list)
  })

  router.get('/warnings/settings', view, (_req, res) => {
    const settings: WarningSettings = { publishing: ctx.config.warnings.publishing }
    res.json(settings)
  })

  const decision =
    (
      schema: z.ZodType<{ note: string }>,
      run: (id: string, by: string, note: string, origin: string) => Promise<WarningResult>,
    ) =>
    async (req: Request, res: Response) => {
      const b = schema.safeParse(req.body ?? {})
      if (!b.success) return sendError(res, 'invalid_request', 'invalid body', issuesFromZod(b.error))
      const r = await run(req.params.id as string, principalOf(res).name, b.data.note, req.ip ?? '')
      if (!r.ok) return sendError(res, r.error.code, r.error.message)
      res.json(r.value)
    }

  router.post('/warnings/:id/approve', act, body, decision(ApproveWarningBody, warnings.approve))
  router.post('/warnings/:id/reject', act, body, decision(RejectWarningBody, warnings.reject))
  router.post('/warnings/:id/withdraw', act, body, decision(RejectWarningBody, warnings.withdraw))
  return router
}
