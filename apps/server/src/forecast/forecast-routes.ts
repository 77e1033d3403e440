import { issuesFromZod, TrafficForecastLead } from '@ioc/domain'
import { Router } from 'express'
import { z } from 'zod'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { authorize } from '../auth/authorize'
import type { ForecastService } from './forecast-service'

export const TrafficForecastQuery = z.object({
  lead: z.coerce
    .number()
    .pipe(TrafficForecastLead)
    .default(30)
    .meta({ description: 'Minutes ahead: 15, 30 or 60' }),
})

/** The latest forecasts, as the forecast job last made them. */
export function forecastRoutes(ctx: ServerContext, forecasts: ForecastService): Router {
  const router = Router()
  const view = authorize(ctx, 'live:view')

  router.get('/forecast/water/:stationId', view, (req, res) => {
    const id = req.params.stationId as string
    const i = ctx.index.stationIdx.get(id)
    if (i === undefined) return sendError(res, 'not_found', `unknown station "${id}"`)
    if (ctx.index.network.stations[i]?.kind !== 'tide-gauge')
      return sendError(res, 'not_found', `"${id}" is not a tide gauge: only tide gauges are forecast`)
    const f = forecasts.water(id)
    if (!f) return sendError(res, 'not_found', `no forecast for "${id}" yet: it needs recent readings`)
    res.json(f)
  })

  router.get('/forecast/traffic', view, (req, res) => {
    const q = TrafficForecastQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    const f = forecasts.traffic(q.data.lead)
    if (!f) return sendError(res, 'not_found', 'no traffic forecast yet')
    res.json(f)
  })

  return router
}
