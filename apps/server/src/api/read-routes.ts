import { gzipSync } from 'node:zlib'
import { type History, issuesFromZod, networkToGeoJson } from '@ioc/domain'
import { Router } from 'express'
import { authorize } from '../auth/authorize'
import type { ServerContext } from './context'
import { HistoryParams } from './query-params'
import { sendError } from './send-error'

const DAY_MS = 24 * 3600_000

export function readRoutes(ctx: ServerContext): Router {
  const router = Router()
  const { index, hub, store } = ctx

  // The network only changes with a deploy: serialise and compress it once. Its version is a content
  // hash (fixtures/src/network-version.ts), so it is a strong ETag.
  const networkJson = Buffer.from(JSON.stringify(networkToGeoJson(index.network)))
  const networkGzip = gzipSync(networkJson)
  const etag = `"${index.network.version}"`

  router.get('/network', authorize(ctx, 'live:view'), (req, res) => {
    res.set({ ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding' })
    if (req.headers['if-none-match'] === etag) return void res.status(304).end()
    res.type('application/json')
    if (req.acceptsEncodings('gzip') === 'gzip') res.set('Content-Encoding', 'gzip').send(networkGzip)
    else res.send(networkJson)
  })

  router.get('/state', authorize(ctx, 'live:view'), (_req, res) => {
    res.json(hub.snapshot())
  })

  for (const type of ['traffic', 'water'] as const) {
    const param = type === 'traffic' ? 'segmentId' : 'stationId'
    router.get(`/history/${type}/:${param}`, authorize(ctx, 'history:read'), async (req, res) => {
      const subjectId = req.params[param] as string
      const known = type === 'traffic' ? index.segmentIdx.has(subjectId) : index.stationIdx.has(subjectId)
      if (!known)
        return sendError(
          res,
          'not_found',
          `unknown ${type === 'traffic' ? 'segment' : 'station'} "${subjectId}"`,
        )
      const q = HistoryParams.safeParse(req.query)
      if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
      const to = q.data.to ?? Date.now()
      const from = q.data.from ?? to - DAY_MS
      if (from >= to) return sendError(res, 'invalid_request', 'from must be before to')
      const h = await store.history({ type, subjectId, fromMs: from, toMs: to, maxPoints: q.data.maxPoints })
      const body: History = { type, subjectId, from, to, ...h }
      res.json(body)
    })
  }

  return router
}
