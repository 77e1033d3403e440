import { DEFAULT_LIMITS, type StaGraph, serveRequest } from '@ioc/sensorthings'
import type { Router } from 'express'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { createPublicCache } from '../public/public-cache'
import { publicRouter } from '../public/public-router'

/**
 * OGC SensorThings API 1.1 (read-only) over the network and the stored readings, mounted at /sta/v1.1.
 * Anonymous, rate-limited and cached like every public endpoint (public/); it reads only the network
 * and the observations, never alerts, users, audit or citizen reports.
 */
export function staRoutes(ctx: ServerContext, graph: StaGraph): Router {
  const service = { graph, observations: ctx.store, limits: DEFAULT_LIMITS }
  const cache = createPublicCache({ maxAgeS: ctx.config.public.cacheMaxAgeS })
  const router = publicRouter(ctx.config.public)
  router.use(cache.serveCached, async (req, res) => {
    const query: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.query)) {
      if (typeof v !== 'string')
        return sendError(res, 'invalid_request', `the query option ${k} is given twice`)
      query[k] = v
    }
    const answer = await serveRequest(service, {
      baseUrl: `${req.protocol}://${req.get('host')}${req.baseUrl}`,
      path: req.path,
      query,
      nowMs: Date.now(),
    })
    if (answer.status === 204) return void res.status(204).end()
    if (answer.status !== 200) return sendError(res, answer.code, answer.message)
    if ('text' in answer) return cache.send(req, res, answer.text, 'text/plain; charset=utf-8')
    cache.send(req, res, JSON.stringify(answer.json), 'application/json; charset=utf-8')
  })
  return router
}
