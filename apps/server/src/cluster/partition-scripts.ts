import { z } from 'zod'

/** The one command partition ownership needs, so any node-redis client type fits (and a test can hang it). */
export interface ScriptRedis {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
}

/** Where a deployment keeps partition ownership in Redis. */
export function partitionKeys(prefix: string) {
  return {
    /** Sorted set: member → Redis time (ms) after which it counts as gone. */
    members: `${prefix}:partition:members`,
    /** `<holder> <token>` while held, with the lease's TTL. */
    lease: (p: number) => `${prefix}:partition:${p}:lease`,
    /** The last fencing token handed out for the partition. Never expires. */
    token: (p: number) => `${prefix}:partition:${p}:token`,
    /** The partition's readings, handed to its owner by the instance that stored them (partition-streams.ts). */
    stream: (p: number) => `${prefix}:partition:${p}:stream`,
  }
}

// Redis time, not the callers': members' clocks may disagree, and every expiry here is Redis's own.
const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`

/**
 * Heartbeat (or leave) and read who is alive, in one step, so a member's view always includes itself.
 * KEYS: members. ARGV: member, ttl ms, 'join' | 'leave'. Returns the live members.
 */
const HEARTBEAT = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if ARGV[3] == 'leave' then
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], 10 * tonumber(ARGV[2]))
end
return redis.call('ZRANGE', KEYS[1], 0, -1)`

/**
 * Acquire, renew and release partition leases, all in one round trip. KEYS: (lease, token) per
 * partition. ARGV: holder, ttl ms, then one op per partition: `a` acquire, `r<token>` renew,
 * `x<token>` release. Returns per op: the new token (acquired) or 1 (renewed, released); 0 when the
 * lease is someone else's or gone.
 *
 * Acquiring is SET NX PX and INCR in one script, so the token is drawn only by the winner and tokens
 * follow the order of acquisition (a separate INCR after the SET could come after the next owner's).
 * The token is also at least Redis's clock in ms: a Redis restarted without persistence loses the
 * counters, and tokens must still grow past the ones the store has seen. Renewal and release compare
 * holder and token (Redis 7 has no SET IFEQ), so a lease taken over meanwhile is left alone.
 */
const LEASES = `local holder, ttl = ARGV[1], ARGV[2]
local out = {}
for i = 1, #KEYS / 2 do
  local lease, counter, op = KEYS[2 * i - 1], KEYS[2 * i], ARGV[2 + i]
  local kind = string.sub(op, 1, 1)
  if kind == 'a' then
    if redis.call('EXISTS', lease) == 1 then
      out[i] = 0
    else
      ${NOW_MS}
      local token = redis.call('INCR', counter)
      if token < now then
        token = now
        redis.call('SET', counter, string.format('%d', token))
      end
      redis.call('SET', lease, holder .. ' ' .. string.format('%d', token), 'PX', ttl)
      out[i] = token
    end
  elseif redis.call('GET', lease) == holder .. ' ' .. string.sub(op, 2) then
    if kind == 'r' then out[i] = redis.call('PEXPIRE', lease, ttl) else out[i] = redis.call('DEL', lease) end
  else
    out[i] = 0
  end
end
return out`

export type LeaseOp =
  | { partition: number; kind: 'acquire' }
  | { partition: number; kind: 'renew' | 'release'; token: number }

const Members = z.array(z.string())
const Replies = z.array(z.number().int().nonnegative())

/** Heartbeats `member` (or removes it) and returns the live members, sorted by name. */
export async function heartbeat(
  redis: ScriptRedis,
  keys: ReturnType<typeof partitionKeys>,
  member: string,
  ttlMs: number,
  mode: 'join' | 'leave',
): Promise<string[]> {
  const reply = await redis.eval(HEARTBEAT, {
    keys: [keys.members],
    arguments: [member, String(ttlMs), mode],
  })
  return Members.parse(reply).sort()
}

/** Runs `ops` for `holder`; one reply per op, as LEASES describes. */
export async function runLeaseOps(
  redis: ScriptRedis,
  keys: ReturnType<typeof partitionKeys>,
  holder: string,
  ttlMs: number,
  ops: readonly LeaseOp[],
): Promise<number[]> {
  if (ops.length === 0) return []
  const reply = await redis.eval(LEASES, {
    keys: ops.flatMap((o) => [keys.lease(o.partition), keys.token(o.partition)]),
    arguments: [
      holder,
      String(ttlMs),
      ...ops.map((o) => (o.kind === 'acquire' ? 'a' : `${o.kind === 'renew' ? 'r' : 'x'}${o.token}`)),
    ],
  })
  const replies = Replies.parse(reply)
  if (replies.length !== ops.length)
    throw new Error(`lease script: ${replies.length} replies to ${ops.length} ops`)
  return replies
}
