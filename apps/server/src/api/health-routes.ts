import type { Health } from '@ioc/domain'
import { Router } from 'express'
import type { ServerContext } from './context'

/** Open to all, like any load balancer probe; they reveal nothing but readiness and the network version. */
export function healthRoutes(ctx: ServerContext): Router {
  const router = Router()
  router.get('/health', async (_req, res) => {
    let store: Health['checks']['store'] = 'ok'
    try {
      await ctx.store.ping()
    } catch (e) {
      ctx.logger.error({ err: e }, 'store failed its health check')
      store = 'failed'
    }
    const body: Health = {
      live: true,
      ready: store === 'ok',
      checks: { store },
      networkVersion: ctx.index.network.version,
      uptimeS: (Date.now() - ctx.startedAt) / 1000,
    }
    res.status(body.ready ? 200 : 503).json(body)
  })
  return router
}
