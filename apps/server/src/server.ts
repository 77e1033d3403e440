import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Network } from '@ioc/domain'
import cookieParser from 'cookie-parser'
import { type Logger, pino } from 'pino'
import { Server } from 'socket.io'
import { createApp } from './api/app'
import type { ServerContext } from './api/context'
import { createMetrics } from './api/metrics'
import { createAudit } from './auth/audit-log'
import { bootstrapAdmin } from './auth/bootstrap-admin'
import type { Config } from './config/config'
import { createLiveHub, type IocServer } from './live/live-hub'
import { LiveState } from './live/live-state'
import { socketAuth } from './live/socket-auth'
import { handleSockets } from './live/socket-events'
import { indexNetwork } from './network/network-index'
import { openSqliteStore } from './store/sqlite/sqlite-store'

export interface RunningServer {
  /** `http://host:port`, with the port actually bound (config port 0 picks a free one). */
  url: string
  /** The `admin` password generated on first start, to show once; null otherwise. */
  generatedAdminPassword: string | null
  /** Stops accepting, lets in-flight requests finish, disconnects sockets, closes the store. */
  close(): Promise<void>
}

/** Socket.IO replays what a client missed if it is back within this long; after that it resyncs. */
const RECOVERY_MS = 2 * 60_000

/** The composition root: config → store → live state → HTTP and Socket.IO. */
export async function startServer(
  config: Config,
  network: Network,
  options: { logger?: Logger } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel })
  const startedAt = Date.now()
  const store = openSqliteStore(join(config.dataDir, 'ioc.sqlite'))
  const audit = createAudit(store, logger)
  const admin = await bootstrapAdmin(store, config.adminPassword)
  if (admin.created)
    await audit({ actor: 'system', action: 'user-created', target: 'admin', origin: 'startup' })

  const index = indexNetwork(network)
  const state = new LiveState(index)
  state.apply(await store.latestObservations())

  const httpServer = createServer()
  const io: IocServer = new Server(httpServer, {
    serveClient: false,
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_MS, skipMiddlewares: false },
    cors: { origin: config.corsOrigins, credentials: true },
  })
  io.engine.use(cookieParser())
  const metrics = createMetrics({ liveClients: () => io.of('/').sockets.size, openAlerts: () => ({}) })
  const hub = createLiveHub(io, state, {
    tickMs: config.liveTickMs,
    openAlerts: () => [],
    onDelta: () => metrics.deltasSent.inc(),
  })
  io.use(socketAuth({ store, audit }))
  handleSockets(io, hub)

  const ctx: ServerContext = { config, store, index, hub, audit, metrics, logger, startedAt }
  httpServer.on('request', createApp(ctx))
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, resolve)
  })
  const { address, port } = httpServer.address() as AddressInfo
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`
  logger.info({ url, network: network.version, dataDir: config.dataDir }, 'server listening')

  let closing: Promise<void> | undefined
  return {
    url,
    generatedAdminPassword: admin.generatedPassword,
    close() {
      closing ??= (async () => {
        hub.close()
        // io.close() disconnects every socket and closes the HTTP server, whose callback runs once the
        // requests in flight (an ingest batch being committed) have been answered.
        await new Promise<void>((resolve) => io.close(() => resolve()))
        await store.close()
        logger.info('server stopped')
      })()
      return closing
    },
  }
}
