import type { Logger } from 'pino'

/** The two commands a lease needs, so any node-redis client type fits. */
export interface LeaseRedis {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
  set(
    key: string,
    value: string,
    options: { condition: 'NX'; expiration: { type: 'PX'; value: number } },
  ): Promise<unknown>
}

/** Who runs the once-per-deployment work: the live deltas, the clock-driven rules and the forecasts. */
export interface Leadership {
  isLeader(): boolean
  /** Called on every change, with the new state. */
  onChange(listener: (leader: boolean) => void): void
  /** Gives the lease up (so another instance takes over at once) and stops competing for it. */
  close(): Promise<void>
}

/** A single instance is always the leader. */
export function soleLeadership(): Leadership {
  return { isLeader: () => true, onChange: () => {}, close: async () => {} }
}

// Compare-and-act in one step: only the holder may extend or drop the lease (Redis 7 has no SET IFEQ).
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`

/**
 * A leader lease in Redis (`SET key holder NX PX ttl`), renewed every third of the TTL. A holder that
 * dies stops renewing and another instance acquires the key once it expires: within `ttlMs` plus one
 * renewal period. A holder that cannot reach Redis steps down when its lease may have expired, before
 * anyone else can acquire it, so two leaders never overlap by the holder's own clock.
 */
export function holdRedisLease(
  redis: LeaseRedis,
  options: { key: string; holder: string; ttlMs: number; logger: Logger },
): Leadership {
  const { key, holder, ttlMs, logger } = options
  const listeners: ((leader: boolean) => void)[] = []
  let leader = false
  /** Local time before which the lease is surely ours: the last successful renewal's start plus TTL. */
  let heldUntil = 0
  let stopped = false

  const set = (next: boolean) => {
    if (next === leader) return
    leader = next
    logger.info({ lease: key, holder }, next ? 'leader lease acquired' : 'leader lease lost')
    for (const l of listeners) l(next)
  }

  async function step(): Promise<void> {
    const started = Date.now()
    try {
      if (leader) {
        const renewed = await redis.eval(RENEW, { keys: [key], arguments: [holder, String(ttlMs)] })
        if (renewed === 1) heldUntil = started + ttlMs
        else set(false)
      } else {
        const r = await redis.set(key, holder, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })
        if (r === 'OK' && !stopped) {
          heldUntil = started + ttlMs
          set(true)
        }
      }
    } catch (err) {
      logger.warn({ err, lease: key }, 'leader lease: Redis unreachable')
      if (leader && Date.now() >= heldUntil - ttlMs / 3) set(false)
    }
  }

  let running = step()
  const timer = setInterval(() => {
    running = running.then(step)
  }, ttlMs / 3)

  return {
    isLeader: () => leader,
    onChange(listener) {
      listeners.push(listener)
    },
    async close() {
      stopped = true
      clearInterval(timer)
      await running
      if (!leader) return
      set(false)
      await redis.eval(RELEASE, { keys: [key], arguments: [holder] }).catch(() => {})
    },
  }
}
