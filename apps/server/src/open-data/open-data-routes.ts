import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { StaGraph } from '@ioc/sensorthings'
import type { Router } from 'express'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { createPublicCache, matchesIfNoneMatch } from '../public/public-cache'
import { publicRouter } from '../public/public-router'
import { dailyCsv, dailyGeoJson, LICENCE, localDay } from './daily-files'

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', write: dailyCsv },
  geojson: { type: 'application/geo+json', write: dailyGeoJson },
} as const

/**
 * Bulk downloads, public: `/open-data/<date>.csv` and `.geojson`, every reading of one day (Ho Chi
 * Minh City time), streamed with backpressure, each file opening with its licence.
 */
export function openDataRoutes(ctx: ServerContext, graph: StaGraph): Router {
  const { store, config } = ctx
  const router = publicRouter(config.public)
  const cache = createPublicCache({ maxAgeS: config.public.cacheMaxAgeS })
  const maxAge = config.public.cacheMaxAgeS

  router.get('/', cache.serveCached, (req, res) => {
    const body = {
      licence: LICENCE,
      files: {
        csv: '/open-data/{YYYY-MM-DD}.csv',
        geojson: '/open-data/{YYYY-MM-DD}.geojson',
        day: '00:00 to 24:00 in Ho Chi Minh City time (+07:00)',
      },
      api: '/sta/v1.1',
    }
    cache.send(req, res, JSON.stringify(body), 'application/json; charset=utf-8')
  })

  router.get('/:file', async (req, res) => {
    const m = /^(.+)\.(csv|geojson)$/.exec(req.params.file)
    if (!m)
      return sendError(res, 'not_found', `no file "${req.params.file}"; ask for <YYYY-MM-DD>.csv or .geojson`)
    const date = m[1] as string
    const format = FORMATS[m[2] as keyof typeof FORMATS]
    const day = localDay(date)
    if (!day) return sendError(res, 'invalid_request', `"${date}" is not a date like 2025-11-06`)
    // The day's reading count versions the file: a late reading changes it, nothing else does.
    const count = await store.countReadings({ series: null, bounds: { ...day, min: null, max: null } })
    if (count === 0) return sendError(res, 'not_found', `no observations on ${date}`)
    const etag = `W/"${date}-${count}-${ctx.index.network.version}"`
    res.set({
      ETag: etag,
      'Cache-Control': maxAge > 0 ? `public, max-age=${maxAge}` : 'public, no-cache',
      Link: `<${LICENCE.url}>; rel="license"`,
      'Content-Disposition': `attachment; filename="hcmc-ioc-observations-${date}.${m[2]}"`,
    })
    if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) return void res.status(304).end()
    res.type(format.type)
    try {
      await pipeline(Readable.from(format.write(store, graph, date, day)), res)
    } catch (err) {
      // A client that hangs up mid-file ends the stream; anything else is a bug to log.
      if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
        ctx.logger.error({ err, date }, 'open-data file failed')
    }
  })
  return router
}
