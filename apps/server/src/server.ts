import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { indexNetwork, type Network } from '@ioc/domain'
import { loadDistricts } from '@ioc/fixtures'
import { createVungTauTide } from '@ioc/forecast'
import { indexPlaces } from '@ioc/incidents'
import { LatestState } from '@ioc/replay'
import cookieParser from 'cookie-parser'
import { type Logger, pino } from 'pino'
import { Server } from 'socket.io'
import { registerAlertMetrics } from './alerts/alert-metrics'
import { createClockDrivenJobs } from './alerts/clock-driven-jobs'
import { readRulesConfigFile } from './alerts/rules-config-file'
import { createApp } from './api/app'
import type { ServerContext } from './api/context'
import { createMetrics } from './api/metrics'
import { createAudit } from './auth/audit-log'
import { bootstrapAdmin } from './auth/bootstrap-admin'
import { createCitizenService } from './citizen/citizen-service'
import { joinCluster } from './cluster/join-cluster'
import type { Config } from './config/config'
import { createForecastService, type ForecastService } from './forecast/forecast-service'
import { readTransferPriors } from './forecast/transfer-priors'
import { readIncidentConfigFiles } from './incidents/incident-config'
import { createIncidentService, type IncidentService } from './incidents/incident-service'
import { commitObservations } from './ingest/commit-observations'
import { startMqttIngest } from './ingest/mqtt/mqtt-ingest'
import { CITIZEN_ROOM, createLiveHub, type IocServer, LIVE_ROOM } from './live/live-hub'
import { socketAuth } from './live/socket-auth'
import { handleSockets } from './live/socket-events'
import { EngineCheckpoints } from './replay/engine-checkpoints'
import { handleReplaySockets } from './replay/replay-sockets'
import { openStore } from './store/open-store'
import { rawRetentionJob } from './store/raw-retention-job'
import { recordServerPid } from './store/sqlite/server-pid'
import { createWarningService } from './warnings/warning-service'

export interface RunningServer {
  /** `http://host:port`, with the port actually bound (config port 0 picks a free one). */
  url: string
  /** The `admin` password generated on first start, to show once; null otherwise. */
  generatedAdminPassword: string | null
  /** Stops accepting, lets in-flight requests finish, disconnects sockets, closes the store. */
  close(): Promise<void>
  /** The forecast job, for tools and tests that drive it on their own (data) clock. */
  forecasts: ForecastService
}

/** Socket.IO replays what a client missed if it is back within this long; after that it resyncs. */
const RECOVERY_MS = 2 * 60_000

/** Memory for replay engine checkpoints, shared by every replay of the process (~1.5 MB per data hour). */
const REPLAY_CHECKPOINT_BYTES = 256 * 1024 * 1024

/** The composition root: config → store → live state → HTTP and Socket.IO. */
export async function startServer(
  config: Config,
  network: Network,
  options: { logger?: Logger } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel })
  const startedAt = Date.now()
  // A bad rules file stops the start before anything is opened.
  const rules = readRulesConfigFile(config.alerts.rulesConfigPath, network)
  const priors = readTransferPriors(config.forecast.transferPriorsPath, network)
  const incidentConfig = readIncidentConfigFiles(config.incidents)
  const store = await openStore(config)
  // `ioc restore` refuses to replace a store that a server has open.
  const releasePid = config.databaseUrl ? () => {} : recordServerPid(config.dataDir)
  const audit = createAudit(store, logger)
  const admin = await bootstrapAdmin(store, config.adminPassword)
  if (admin.created)
    await audit({ actor: 'system', action: 'user-created', target: 'admin', origin: 'startup' })

  const index = indexNetwork(network)
  const state = new LatestState(index)
  state.apply(await store.latestObservations())

  // The CAP publisher, fed by every alert change the lifecycle pushes (warnings/warning-service.ts).
  const warnings = createWarningService({ store, network, config: config.warnings, audit, logger })

  const cluster = await joinCluster(config, logger)
  const io: IocServer = new Server({
    adapter: cluster.adapter,
    serveClient: false,
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_MS, skipMiddlewares: false },
    cors: { origin: config.corsOrigins, credentials: true },
  })
  // Made once the alert service is, which it needs to act; changes before then are caught up at its start.
  let incidents: IncidentService | undefined
  // In process, or the partitioned engine of several instances (join-cluster.ts).
  const alerts = await cluster.createAlerts({
    store,
    network,
    rules,
    config: config.alerts,
    logger,
    // Alert changes go out at once, not with the next delta tick.
    emit: {
      alertChanged: (a) => {
        io.to(LIVE_ROOM).emit('alert:changed', a)
        cluster.announceAlert(io, a)
        void incidents?.alertChanged(a)
        warnings.alertChanged(a)
      },
      silenceChanged: (s) => io.to(LIVE_ROOM).emit('silence:changed', s),
    },
  })
  cluster.followAlerts(io, alerts)
  incidents = await createIncidentService({
    store,
    alerts,
    ctx: { places: indexPlaces(network), ...incidentConfig },
    emit: { incidentChanged: (i) => io.to(LIVE_ROOM).emit('operational-incident:changed', i) },
    logger,
  })
  const forecasts = createForecastService({
    store,
    network,
    tide: createVungTauTide(),
    priors,
    rules,
    commitEvents: alerts.commitEvents,
    logger,
  })
  const jobs = createClockDrivenJobs(
    [
      { name: 'forecast', everyMs: config.forecast.everyMs, run: forecasts.run },
      { name: 'sensor-silent', everyMs: config.alerts.tickMs, run: alerts.tick },
      rawRetentionJob(store, config.retention, logger),
      // Checked ten times per escalation period, so an escalation is at most 10 % late.
      {
        name: 'escalation',
        everyMs: Math.min(10_000, Math.max(100, config.alerts.escalateAfterMs / 10)),
        run: alerts.escalate,
      },
    ],
    logger,
  )
  const metrics = createMetrics({
    liveClients: () => io.of('/').sockets.size,
    openAlerts: () => {
      const bySeverity: Record<string, number> = {}
      for (const a of alerts.openAlerts()) bySeverity[a.severity] = (bySeverity[a.severity] ?? 0) + 1
      return bySeverity
    },
  })
  registerAlertMetrics(metrics.registry, store)
  const hub = cluster.shareLiveState(
    io,
    createLiveHub(io, state, {
      tickMs: config.liveTickMs,
      openAlerts: () => alerts.openAlerts(),
      openIncidents: () => incidents.openIncidents(),
      onDelta: () => metrics.deltasSent.inc(),
      emitsDeltas: cluster.leadership.isLeader,
    }),
    index,
  )
  io.use(socketAuth({ store, audit }))
  handleSockets(io, hub, (r, by, origin) => alerts.act(r.alertId, r.action, by, origin))
  const replay = handleReplaySockets(io, {
    store,
    index,
    rules,
    checkpoints: new EngineCheckpoints(REPLAY_CHECKPOINT_BYTES),
    tickMs: config.liveTickMs,
    logger,
  })

  // A verified flood report is committed like any feed's batch, so it reaches the rules and the map.
  const citizen = createCitizenService({
    store,
    index,
    districts: loadDistricts(),
    audit,
    commit: (observations) => commitObservations({ alerts, hub, metrics }, observations),
    changed: ({ code, status, updatedAt }) =>
      io.to(CITIZEN_ROOM).emit('citizen-report:changed', { code, status, updatedAt }),
  })

  const ctx: ServerContext = {
    config,
    rules,
    store,
    index,
    hub,
    alerts,
    incidents,
    forecasts,
    warnings,
    citizen,
    audit,
    metrics,
    logger,
    startedAt,
  }
  // The app must be the server's request listener before Socket.IO attaches: attach() wraps the
  // listeners present then so that /socket.io/ requests never reach them. A listener added later also
  // answered long-polling requests (Express's 404), and engine.io's own answer then threw
  // ERR_HTTP_HEADERS_SENT and took the process down.
  const httpServer = createServer(createApp(ctx))
  io.attach(httpServer)
  io.engine.use(cookieParser())
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, resolve)
  })
  const { address, port } = httpServer.address() as AddressInfo
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`
  logger.info({ url, network: network.version, dataDir: config.dataDir }, 'server listening')
  // With several instances only the leader lease holder runs the clock-driven jobs (docs/scaling-out.md).
  // The leader also catches up on public warnings an earlier run left unplanned (a crash between an
  // alert's commit and its warning's): one instance, so two never draft for the same alert.
  const lead = () => {
    jobs.start()
    void warnings.reconcile().catch((err) => logger.error({ err }, 'public warnings not reconciled'))
  }
  cluster.leadership.onChange((leader) => (leader ? lead() : void jobs.stop()))
  if (cluster.leadership.isLeader()) lead()
  const mqttIngest = config.mqtt && startMqttIngest(ctx, config.mqtt)

  let closing: Promise<void> | undefined
  return {
    url,
    generatedAdminPassword: admin.generatedPassword,
    forecasts,
    close() {
      closing ??= (async () => {
        await jobs.stop()
        // No new feed message is taken once closing; the one being committed finishes first.
        await mqttIngest?.close()
        hub.close()
        replay.close()
        // io.close() disconnects every socket and closes the HTTP server, whose callback runs once the
        // requests in flight (an ingest batch being committed) have been answered.
        await new Promise<void>((resolve) => io.close(() => resolve()))
        await alerts.close()
        await incidents?.settled()
        await warnings.settled()
        await cluster.close()
        await store.close()
        releasePid()
        logger.info('server stopped')
      })()
      return closing
    },
  }
}
