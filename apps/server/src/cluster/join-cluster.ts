import type { Alert } from '@ioc/domain'
import { createAdapter } from '@socket.io/redis-streams-adapter'
import type { Logger } from 'pino'
import { createClient } from 'redis'
import type { AlertService } from '../alerts/alert-service'
import type { Config } from '../config/config'
import type { IocServer, LiveHub } from '../live/live-hub'
import { engineTurns } from './engine-turns'
import { holdRedisLease, type Leadership, soleLeadership } from './redis-lease'

export interface Cluster {
  /** The Socket.IO adapter to pass to `new Server`; undefined for a single instance (in-memory). */
  adapter: ReturnType<typeof createAdapter> | undefined
  leadership: Leadership
  /** Makes `hub` share what this instance stores with the others, and apply what they store. */
  shareLiveState(io: IocServer, hub: LiveHub): LiveHub
  /** Tells the other instances of an alert this one changed (and pushed). */
  announceAlert(io: IocServer, alert: Alert): void
  /** Keeps `alerts` current with the alerts the other instances change. */
  followAlerts(io: IocServer, alerts: Pick<AlertService, 'adopt'>): void
  /** Makes the instances sharing a PostgreSQL database take turns at the rules engine (engine-turns.ts). */
  serializeEngine(alerts: AlertService): AlertService
  close(): Promise<void>
}

/**
 * The adapter stream holds broadcasts (deltas, alerts) and inter-server messages; Socket.IO replays a
 * recovering client's missed packets from it, so it must span the recovery window: at 10 deltas/s plus
 * observation batches, 2 minutes is a few thousand entries.
 */
const STREAM_MAX_LEN = 10_000

/** Alone without `REDIS_URL`; with it, one of several instances sharing Socket.IO rooms and a leader lease. */
export async function joinCluster(
  config: Pick<Config, 'redisUrl' | 'redisPrefix' | 'instanceId' | 'leaseTtlMs' | 'databaseUrl'>,
  logger: Logger,
): Promise<Cluster> {
  if (!config.redisUrl) {
    return {
      adapter: undefined,
      leadership: soleLeadership(),
      shareLiveState: (_io, hub) => hub,
      announceAlert: () => {},
      followAlerts: () => {},
      serializeEngine: (alerts) => alerts,
      close: async () => {},
    }
  }
  const redis = createClient({ url: config.redisUrl })
  // Without a listener an 'error' event would crash the process; the client reconnects by itself.
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error'))
  await redis.connect()
  const prefix = config.redisPrefix
  const adapter = createAdapter(redis, {
    streamName: `${prefix}:socket.io`,
    channelPrefix: `${prefix}:socket.io`,
    sessionKeyPrefix: `${prefix}:sio:session:`,
    maxLen: STREAM_MAX_LEN,
    onlyPlaintext: true,
  })
  const leadership = holdRedisLease(redis, {
    key: `${prefix}:lease:leader`,
    holder: config.instanceId,
    ttlMs: config.leaseTtlMs,
    logger,
  })
  const turns = config.databaseUrl ? engineTurns(config.databaseUrl) : undefined
  logger.info({ instance: config.instanceId, prefix }, 'joined the cluster through Redis')
  return {
    adapter,
    leadership,
    shareLiveState(io, hub) {
      io.on('observations:stored', (observations) => hub.apply(observations))
      return {
        ...hub,
        apply(observations) {
          hub.apply(observations)
          if (observations.length) io.serverSideEmit('observations:stored', observations)
        },
      }
    },
    announceAlert(io, alert) {
      io.serverSideEmit('alert:stored', alert)
    },
    followAlerts(io, alerts) {
      io.on('alert:stored', (alert) => alerts.adopt(alert))
    },
    serializeEngine: (alerts) => turns?.wrap(alerts) ?? alerts,
    async close() {
      await leadership.close()
      await turns?.close()
      await redis.close()
    },
  }
}
