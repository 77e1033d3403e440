import { CitizenReportAction, CitizenReportQuery, issuesFromZod, type Permission } from '@ioc/domain'
import express, { type Request, type Response, Router } from 'express'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { authorize, principalOf } from '../auth/authorize'
import type { CitizenResult, CitizenService } from './citizen-service'

const ACTIONS: { kind: CitizenReportAction['kind']; permission: Permission }[] = [
  { kind: 'verify', permission: 'citizen:triage' },
  { kind: 'reject', permission: 'citizen:triage' },
  { kind: 'merge', permission: 'citizen:triage' },
  { kind: 'answer', permission: 'citizen:answer' },
  { kind: 'resolve', permission: 'citizen:answer' },
]

/** Citizen reports for staff under /api/v1: the list with duplicate suggestions, a report, its photo, actions. */
export function citizenRoutes(ctx: ServerContext, citizen: CitizenService): Router {
  const router = Router()
  const view = authorize(ctx, 'citizen:view')
  const body = express.json({ limit: '16kb' })
  const reply = <T>(res: Response, r: CitizenResult<T>) =>
    r.ok ? res.json(r.value) : sendError(res, r.error.code, r.error.message, r.error.issues)

  router.get('/citizen-reports', view, async (req, res) => {
    const q = CitizenReportQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    res.json(await citizen.list(q.data))
  })

  router.get('/citizen-reports/:code', view, async (req, res) => {
    const r = await ctx.store.getCitizenReport(req.params.code as string)
    if (!r) return sendError(res, 'not_found', `no citizen report "${req.params.code}"`)
    res.json(r)
  })

  router.get('/citizen-reports/:code/photo', view, async (req, res) => {
    const photo = await ctx.store.getCitizenReportPhoto(req.params.code as string)
    if (!photo) return sendError(res, 'not_found', `citizen report "${req.params.code}" has no photo`)
    res.set('Cache-Control', 'private, max-age=86400').type('image/jpeg').send(Buffer.from(photo.jpeg))
  })

  for (const { kind, permission } of ACTIONS) {
    router.post(
      `/citizen-reports/:code/${kind}`,
      authorize(ctx, permission),
      body,
      async (req: Request, res: Response) => {
        const action = CitizenReportAction.safeParse({ ...(req.body ?? {}), kind })
        if (!action.success)
          return sendError(res, 'invalid_request', 'invalid body', issuesFromZod(action.error))
        reply(
          res,
          await citizen.act(req.params.code as string, action.data, principalOf(res).name, req.ip ?? ''),
        )
      },
    )
  }
  return router
}
