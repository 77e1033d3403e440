import { randomUUID } from 'node:crypto'
import { type Incident, type IncidentList, IncidentPatch, issuesFromZod, NewIncident } from '@ioc/domain'
import express, { Router } from 'express'
import { z } from 'zod'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { authorize, principalOf } from '../auth/authorize'

export const IncidentQuery = z.object({
  q: z.string().max(200).optional().meta({ description: 'Words that title or notes must all contain' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

/** `/incidents`: analysts' bookmarks of time ranges; the web opens one at `/replay?incident=<id>`. */
export function incidentRoutes(ctx: ServerContext): Router {
  const router = Router()
  const { store } = ctx
  const may = authorize(ctx, 'replay:use')
  const body = express.json({ limit: '64kb' })

  router.post('/incidents', may, body, async (req, res) => {
    const parsed = NewIncident.safeParse(req.body)
    if (!parsed.success)
      return sendError(res, 'invalid_request', 'invalid incident', issuesFromZod(parsed.error))
    const now = Date.now()
    const incident: Incident = {
      id: randomUUID(),
      ...parsed.data,
      createdBy: principalOf(res).name,
      createdAt: now,
      updatedAt: now,
    }
    await store.createIncident(incident)
    res.status(201).location(`/api/v1/incidents/${incident.id}`).json(incident)
  })

  router.get('/incidents', may, async (req, res) => {
    const q = IncidentQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    const list: IncidentList = { incidents: await store.listIncidents(q.data) }
    res.json(list)
  })

  router.get('/incidents/:id', may, async (req, res) => {
    const incident = await store.getIncident(req.params.id as string)
    if (!incident) return sendError(res, 'not_found', `no incident "${req.params.id}"`)
    res.json(incident)
  })

  router.patch('/incidents/:id', may, body, async (req, res) => {
    const id = req.params.id as string
    const parsed = IncidentPatch.safeParse(req.body)
    if (!parsed.success)
      return sendError(res, 'invalid_request', 'invalid change', issuesFromZod(parsed.error))
    const current = await store.getIncident(id)
    if (!current) return sendError(res, 'not_found', `no incident "${id}"`)
    const from = parsed.data.from ?? current.from
    const to = parsed.data.to ?? current.to
    if (from >= to) {
      return sendError(res, 'invalid_request', 'from must be before to', [
        { field: parsed.data.from === undefined ? 'to' : 'from', message: 'from must be before to' },
      ])
    }
    const updated = await store.updateIncident(id, parsed.data, Date.now())
    if (!updated) return sendError(res, 'not_found', `no incident "${id}"`)
    res.json(updated)
  })

  router.delete('/incidents/:id', may, async (req, res) => {
    if (!(await store.deleteIncident(req.params.id as string)))
      return sendError(res, 'not_found', `no incident "${req.params.id}"`)
    res.status(204).end()
  })

  return router
}
