import { buildStaGraph } from '@ioc/sensorthings'
import cookieParser from 'cookie-parser'
import cors from 'cors'
import express, { type ErrorRequestHandler, type Express } from 'express'
import helmet from 'helmet'
import type { Logger } from 'pino'
import { alertRoutes } from '../alerts/alert-routes'
import { citizenRoutes } from '../citizen/citizen-routes'
import { open311PartnerOf } from '../citizen/open311-partner'
import { open311Routes } from '../citizen/open311-routes'
import { forecastRoutes } from '../forecast/forecast-routes'
import { operationalIncidentRoutes } from '../incidents/operational-incident-routes'
import { ingestRoute } from '../ingest/ingest-route'
import { openDataRoutes } from '../open-data/open-data-routes'
import { staRoutes } from '../open-data/sta-routes'
import { exportRoute } from '../replay/export-route'
import { incidentRoutes } from '../replay/incident-routes'
import { forecastSkillRoutes } from '../reports/forecast-skill-route'
import { reportRoutes } from '../reports/report-routes'
import { capRoutes } from '../warnings/cap-routes'
import { warningRoutes } from '../warnings/warning-routes'
import { adminRoutes } from './admin-routes'
import { authRoutes } from './auth-routes'
import type { ServerContext } from './context'
import { deadLetterRoutes } from './dead-letter-routes'
import { healthRoutes } from './health-routes'
import { createOpenApiDocument } from './openapi'
import { readRoutes } from './read-routes'
import { sendError } from './send-error'
import { serveWebClient } from './web-client'

/** The HTTP side of the server: security headers, CORS, the API under /api/v1, metrics and the web client. */
export function createApp(ctx: ServerContext): Express {
  const app = express()
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // deck.gl and MapLibre build workers and textures from blobs.
          'worker-src': ["'self'", 'blob:'],
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': ctx.config.cookieSecure ? [] : null,
        },
      },
    }),
  )
  // Browsers on other origins only when listed; same-origin requests carry no Origin check here.
  app.use('/api', cors({ origin: ctx.config.corsOrigins, credentials: true }))
  app.use(cookieParser())
  app.use((req, res, next) => {
    const started = performance.now()
    res.on('finish', () =>
      ctx.logger.debug(
        { method: req.method, url: req.originalUrl, status: res.statusCode, ms: performance.now() - started },
        'request',
      ),
    )
    next()
  })

  const openapi = createOpenApiDocument(ctx.index.network.version)
  const api = express.Router()
  api.use(healthRoutes(ctx), authRoutes(ctx), readRoutes(ctx), adminRoutes(ctx))
  api.post('/observations', ...ingestRoute(ctx))
  api.use(alertRoutes(ctx, ctx.alerts))
  api.use(forecastRoutes(ctx, ctx.forecasts))
  api.use(reportRoutes(ctx))
  api.use(forecastSkillRoutes(ctx))
  api.use(warningRoutes(ctx, ctx.warnings))
  api.use(incidentRoutes(ctx))
  api.use(operationalIncidentRoutes(ctx))
  api.use(deadLetterRoutes(ctx))
  api.use(citizenRoutes(ctx, ctx.citizen))
  api.get('/export', ...exportRoute(ctx))
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi)
  })
  api.use((req, res) => sendError(res, 'not_found', `no route ${req.method} /api/v1${req.path}`))
  app.use('/api/v1', api)
  // Public, anonymous open data (docs/domain-standards.md), outside /api so no staff middleware applies.
  const sta = buildStaGraph(ctx.index.network)
  app.use('/sta/v1.1', staRoutes(ctx, sta))
  app.use('/open-data', openDataRoutes(ctx, sta))

  // Public warnings: anonymous, outside /api so no session or staff middleware is involved.
  app.use('/cap', capRoutes(ctx))

  // Citizens' reports (Open311 GeoReport v2): anonymous, outside /api/v1 and its session cookie.
  app.use(
    '/open311/v2',
    open311Routes({
      publicConfig: ctx.config.public,
      config: ctx.config.citizen,
      citizen: ctx.citizen,
      partnerOf: open311PartnerOf(ctx.store),
    }),
  )

  app.get('/metrics', async (_req, res) => {
    res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics())
  })

  if (serveWebClient(app, ctx.config.webDist))
    ctx.logger.info({ dir: ctx.config.webDist }, 'serving the web client')
  app.use(errorHandler(ctx.logger))
  return app
}

/** body-parser's errors carry a `type`; anything else is a bug and is logged. */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const type = (err as { type?: string }).type
    if (type === 'entity.too.large') {
      return sendError(
        res,
        'payload_too_large',
        `the body exceeds the limit of ${(err as { limit: number }).limit} bytes`,
      )
    }
    if (type === 'entity.parse.failed') return sendError(res, 'invalid_request', 'the body is not valid JSON')
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(res, 'unsupported_media_type', (err as Error).message)
    }
    logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed')
    if (res.headersSent) return
    sendError(res, 'internal', 'internal error')
  }
}
