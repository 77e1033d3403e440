import {
  AckBody,
  type AlertAction,
  type AlertDetail,
  AlertQuery,
  AssignBody,
  issuesFromZod,
  NewSilence,
  ResolveBody,
  Role,
  type SilenceList,
  type UserList,
  type WebhookDeliveryList,
} from '@ioc/domain'
import express, { type Request, type Response, Router } from 'express'
import { z } from 'zod'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { authorize, principalOf } from '../auth/authorize'
import { ACTING_ROLES, type AlertResult, type AlertService } from './alert-service'

export const UsersQuery = z.object({
  role: Role.optional().meta({
    description: 'Only users of this role; default: everyone who may act on alerts',
  }),
})

/** Alerts, their actions and silences over HTTP; the socket's `alert:act` shares `alerts.act`. */
export function alertRoutes(ctx: ServerContext, alerts: AlertService): Router {
  const router = Router()
  const { store } = ctx
  const view = authorize(ctx, 'live:view')
  const act = authorize(ctx, 'alerts:act')
  const body = express.json({ limit: '16kb' })

  const reply = <T>(res: Response, r: AlertResult<T>, status = 200) => {
    if (!r.ok) return sendError(res, r.error.code, r.error.message, r.error.issues)
    res.status(status).json(r.value)
  }

  router.get('/alerts', view, async (req, res) => {
    const q = AlertQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    res.json({ alerts: await store.listAlerts(q.data) })
  })

  router.get('/alerts/:id', view, async (req, res) => {
    const alert = await store.getAlert(req.params.id as string)
    if (!alert) return sendError(res, 'not_found', `no alert "${req.params.id}"`)
    const detail: AlertDetail = { alert, transitions: await store.listTransitions(alert.id) }
    res.json(detail)
  })

  router.get('/alerts/:id/deliveries', view, async (req, res) => {
    const alert = await store.getAlert(req.params.id as string)
    if (!alert) return sendError(res, 'not_found', `no alert "${req.params.id}"`)
    const list: WebhookDeliveryList = { deliveries: await store.listDeliveries(alert.id) }
    res.json(list)
  })

  const action =
    (toAction: (req: Request) => AlertResult<AlertAction>) => async (req: Request, res: Response) => {
      const a = toAction(req)
      if (!a.ok) return reply(res, a)
      const by = principalOf(res).name
      reply(res, await alerts.act(req.params.id as string, a.value, by, req.ip ?? ''))
    }
  const parse = <S extends z.ZodType>(schema: S, req: Request): AlertResult<z.output<S>> => {
    const r = schema.safeParse(req.body ?? {})
    return r.success
      ? { ok: true, value: r.data }
      : {
          ok: false,
          error: { code: 'invalid_request', message: 'invalid body', issues: issuesFromZod(r.error) },
        }
  }

  router.post(
    '/alerts/:id/ack',
    act,
    body,
    action((req) => {
      const b = parse(AckBody, req)
      return b.ok ? { ok: true, value: { type: 'acknowledge', note: b.value.note } } : b
    }),
  )
  router.post(
    '/alerts/:id/assign',
    act,
    body,
    action((req) => {
      const b = parse(AssignBody, req)
      return b.ok ? { ok: true, value: { type: 'assign', to: b.value.to } } : b
    }),
  )
  router.post(
    '/alerts/:id/resolve',
    act,
    body,
    action((req) => {
      const b = parse(ResolveBody, req)
      return b.ok ? { ok: true, value: { type: 'resolve', ...b.value } } : b
    }),
  )

  router.get('/silences', view, async (_req, res) => {
    const list: SilenceList = { silences: await store.listSilences(Date.now()) }
    res.json(list)
  })
  router.post('/silences', act, body, async (req, res) => {
    const b = parse(NewSilence, req)
    if (!b.ok) return reply(res, b)
    reply(res, await alerts.createSilence(b.value, principalOf(res).name), 201)
  })
  router.delete('/silences/:id', act, async (req, res) => {
    const r = await alerts.cancelSilence(req.params.id as string)
    if (!r.ok) return reply(res, r)
    res.status(204).end()
  })

  router.get('/users', act, async (req, res) => {
    const q = UsersQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    const list: UserList = { users: await store.listUsers(q.data.role ? [q.data.role] : ACTING_ROLES) }
    res.json(list)
  })

  return router
}
