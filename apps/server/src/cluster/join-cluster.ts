import type { Alert, NetworkIndex } from '@ioc/domain'
import { newestReadings } from '@ioc/replay'
import { createAdapter } from '@socket.io/redis-streams-adapter'
import type { Logger } from 'pino'
import { createClient } from 'redis'
import { type AlertService, type AlertServiceDeps, createAlertService } from '../alerts/alert-service'
import type { Config } from '../config/config'
import type { IocServer, LiveHub } from '../live/live-hub'
import { guardPublishes } from './guard-publishes'
import { holdPartitions } from './partition-ownership'
import type { StreamRedis } from './partition-streams'
import { createPartitionedAlertService } from './partitioned-alert-service'
import { holdRedisLease, type Leadership, soleLeadership } from './redis-lease'

export interface Cluster {
  /** The Socket.IO adapter to pass to `new Server`; undefined for a single instance (in-memory). */
  adapter: ReturnType<typeof createAdapter> | undefined
  leadership: Leadership
  /** Makes `hub` share what this instance stores with the others, and apply what they store. */
  shareLiveState(io: IocServer, hub: LiveHub, index: NetworkIndex): LiveHub
  /** Tells the other instances of an alert this one changed (and pushed). */
  announceAlert(io: IocServer, alert: Alert): void
  /** Keeps `alerts` current with the alerts the other instances change. */
  followAlerts(io: IocServer, alerts: Pick<AlertService, 'adopt'>): void
  /**
   * The alert lifecycle: in process for a single instance (or one on SQLite); with several on
   * PostgreSQL, the partitioned engine (partitioned-alert-service.ts), which this instance takes part in.
   */
  createAlerts(deps: AlertServiceDeps): Promise<AlertService>
  close(): Promise<void>
}

/**
 * The adapter stream holds broadcasts (deltas, alerts) and inter-server messages; Socket.IO replays a
 * recovering client's missed packets from it, so it must span the recovery window: at 10 deltas/s plus
 * observation batches, 2 minutes is a few thousand entries.
 */
const STREAM_MAX_LEN = 10_000

/** The partition leases' TTL, ms (at most the leader lease's): alerts of a dead owner's partitions wait this long. */
const PARTITION_TTL_MS = 5000

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
      createAlerts: createAlertService,
      close: async () => {},
    }
  }
  const redis: StreamRedis = createClient({ url: config.redisUrl })
  // Without a listener an 'error' event would crash the process; the client reconnects by itself.
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error'))
  await redis.connect()
  const prefix = config.redisPrefix
  const adapter = createAdapter(
    guardPublishes(redis, (err) => logger.warn({ err: err.message }, 'inter-server message not sent')),
    {
      streamName: `${prefix}:socket.io`,
      channelPrefix: `${prefix}:socket.io`,
      sessionKeyPrefix: `${prefix}:sio:session:`,
      maxLen: STREAM_MAX_LEN,
      onlyPlaintext: true,
    },
  )
  const leadership = holdRedisLease(redis, {
    key: `${prefix}:lease:leader`,
    holder: config.instanceId,
    ttlMs: config.leaseTtlMs,
    logger,
  })
  // Connections of their own: the partition owner blocks in XREAD, and a subscriber does nothing else.
  const reader = redis.duplicate()
  const subscriber = redis.duplicate()
  for (const c of [reader, subscriber]) {
    c.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error'))
    await c.connect()
  }
  // Alerts wait for a takeover: shorter than the leader's lease, within the worst GC pause or stall.
  const partitions = config.databaseUrl
    ? holdPartitions(redis, {
        prefix,
        holder: config.instanceId,
        ttlMs: Math.min(config.leaseTtlMs, PARTITION_TTL_MS),
        logger,
      })
    : undefined
  logger.info({ instance: config.instanceId, prefix }, 'joined the cluster through Redis')
  return {
    adapter,
    leadership,
    shareLiveState(io, hub, index) {
      io.on('readings:stored', (readings) => {
        if (!hub.applyNewest(readings))
          logger.warn(
            { theirs: readings.networkVersion, ours: index.network.version },
            'readings of another network version not shown: instances must run the same network',
          )
      })
      return {
        ...hub,
        // The batch's newest readings once, for this instance's state and the others' alike.
        apply(observations) {
          if (!observations.length) return
          const newest = newestReadings(index, observations)
          hub.applyNewest(newest)
          io.serverSideEmit('readings:stored', newest)
        },
      }
    },
    announceAlert(io, alert) {
      io.serverSideEmit('alert:stored', alert)
    },
    followAlerts(io, alerts) {
      io.on('alert:stored', (alert) => alerts.adopt(alert))
    },
    async createAlerts(deps) {
      return partitions
        ? await createPartitionedAlertService({
            ...deps,
            ownership: partitions,
            redis,
            reader,
            subscriber,
            prefix,
            instanceId: config.instanceId,
          })
        : await createAlertService(deps)
    },
    async close() {
      await leadership.close()
      // The server closed the alert service (and its owner loop) first: no turn commits after the
      // leases go and the next owner claims.
      await partitions?.close()
      for (const c of [subscriber, reader, redis]) await c.close()
    },
  }
}
