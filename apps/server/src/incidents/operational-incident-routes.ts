import { randomUUID } from 'node:crypto'
import {
  issuesFromZod,
  NewShiftHandover,
  OperationalIncidentAction,
  type OperationalIncidentDetail,
  type OperationalIncidentList,
  OperationalIncidentQuery,
  type ShiftHandover,
  type ShiftHandoverList,
} from '@ioc/domain'
import express, { Router } from 'express'
import { z } from 'zod'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { authorize, principalOf } from '../auth/authorize'

export const HandoverDraftQuery = z.object({
  from: z.coerce.number().int().meta({ description: 'Start of the shift, epoch ms' }),
  to: z.coerce.number().int().optional().meta({ description: 'End of the shift, epoch ms; default now' }),
})
export const HandoverListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(30) })

/** The actions of `POST /operational-incidents/:id/<action>`, by path segment. */
const ACTIONS = { ack: 'acknowledge', assign: 'assign', resolve: 'resolve', tick: 'tick' } as const

/**
 * `/operational-incidents`: alerts grouped by cause, worked as one (not the replay's `/incidents`
 * bookmarks), and `/handovers`: the duty officers' notes at the end of a shift.
 */
export function operationalIncidentRoutes(ctx: ServerContext): Router {
  const router = Router()
  const { store, incidents } = ctx
  const view = authorize(ctx, 'live:view')
  const act = authorize(ctx, 'alerts:act')
  const body = express.json({ limit: '16kb' })

  router.get('/operational-incidents', view, async (req, res) => {
    const q = OperationalIncidentQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    await incidents.settled()
    const list: OperationalIncidentList = { incidents: await store.listOperationalIncidents(q.data) }
    res.json(list)
  })

  router.get('/operational-incidents/:id', view, async (req, res) => {
    const id = req.params.id as string
    await incidents.settled()
    const incident = await store.getOperationalIncident(id)
    if (!incident) return sendError(res, 'not_found', `no incident "${id}"`)
    const detail: OperationalIncidentDetail = {
      incident,
      events: await store.listOperationalIncidentEvents({ incidentId: id }),
    }
    res.json(detail)
  })

  router.post('/operational-incidents/:id/:action', act, body, async (req, res) => {
    const type = ACTIONS[req.params.action as keyof typeof ACTIONS]
    if (!type) return sendError(res, 'not_found', `no incident action "${req.params.action}"`)
    const parsed = OperationalIncidentAction.safeParse({ ...(req.body ?? {}), type })
    if (!parsed.success) return sendError(res, 'invalid_request', 'invalid body', issuesFromZod(parsed.error))
    if (parsed.data.type === 'assign') {
      const assignable = await store.listUsers(['duty-officer', 'admin'])
      const to = parsed.data.to
      if (!assignable.some((u) => u.name === to))
        return sendError(res, 'invalid_request', `"${to}" is not a duty officer or admin`)
    }
    const r = await incidents.act(req.params.id as string, parsed.data, principalOf(res).name, req.ip ?? '')
    if (!r.ok) return sendError(res, r.error.code, r.error.message, r.error.issues)
    res.json(r.value)
  })

  router.get('/handovers/draft', act, async (req, res) => {
    const q = HandoverDraftQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    const to = q.data.to ?? Date.now()
    if (q.data.from >= to) return sendError(res, 'invalid_request', 'from must be before to')
    res.json(await draftHandover(ctx, q.data.from, to, principalOf(res).name, ''))
  })

  router.post('/handovers', act, body, async (req, res) => {
    const parsed = NewShiftHandover.safeParse(req.body ?? {})
    if (!parsed.success)
      return sendError(res, 'invalid_request', 'invalid handover', issuesFromZod(parsed.error))
    const { from, to, note } = parsed.data
    const handover = await draftHandover(ctx, from, to, principalOf(res).name, note)
    await store.createShiftHandover(handover)
    res.status(201).location(`/api/v1/handovers/${handover.id}`).json(handover)
  })

  router.get('/handovers', act, async (req, res) => {
    const q = HandoverListQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    const list: ShiftHandoverList = { handovers: await store.listShiftHandovers(q.data.limit) }
    res.json(list)
  })

  router.get('/handovers/:id', act, async (req, res) => {
    const handover = await store.getShiftHandover(req.params.id as string)
    if (!handover) return sendError(res, 'not_found', `no handover "${req.params.id}"`)
    res.json(handover)
  })

  return router
}

/**
 * A shift's handover as of now: the incidents open now, and what people did to incidents during the
 * shift (the grouping's own events left out). What is pending follows from the open incidents: their
 * unacknowledged alerts and unticked steps.
 */
async function draftHandover(
  ctx: ServerContext,
  from: number,
  to: number,
  by: string,
  note: string,
): Promise<ShiftHandover> {
  await ctx.incidents.settled()
  const events = await ctx.store.listOperationalIncidentEvents({ fromMs: from, toMs: to })
  return {
    id: randomUUID(),
    from,
    to,
    createdBy: by,
    createdAt: Date.now(),
    note,
    open: ctx.incidents.openIncidents(),
    done: events.filter((e) => e.by !== 'system'),
  }
}
