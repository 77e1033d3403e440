import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { solvesChallenge } from '@ioc/citizen'
import { err, ok, type PowChallenge, type Result } from '@ioc/domain'
import { LRUCache } from 'lru-cache'

/** A challenge must be solved and sent within this long. */
export const POW_TTL_MS = 10 * 60_000

export interface PowChallenges {
  issue(nowMs: number): PowChallenge
  /** Accepts a solved challenge once; the reason it is refused otherwise. */
  redeem(challenge: string, nonce: number, nowMs: number): Promise<Result<null, string>>
}

/**
 * Stateless challenges `<expiresAt>.<random>.<bits>.<HMAC>`: any instance with the same secret checks
 * them without a shared table. A redeemed one is remembered until it expires, so one solution buys one
 * report (per instance: with several, a solution could be spent once on each — still a cost per report).
 */
export function createPowChallenges(options: { bits: number; secret?: string | undefined }): PowChallenges {
  const secret = options.secret ?? randomBytes(32).toString('hex')
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('base64url')
  const spent = new LRUCache<string, true>({ max: 200_000, ttl: POW_TTL_MS })

  return {
    issue(nowMs) {
      const body = `${nowMs + POW_TTL_MS}.${randomBytes(12).toString('base64url')}.${options.bits}`
      return { challenge: `${body}.${sign(body)}`, bits: options.bits, expiresAt: nowMs + POW_TTL_MS }
    },

    async redeem(challenge, nonce, nowMs) {
      const parts = challenge.split('.')
      const [expires, , bits, mac] = parts
      const body = parts.slice(0, 3).join('.')
      const expected = Buffer.from(sign(body))
      if (
        parts.length !== 4 ||
        !mac ||
        Buffer.byteLength(mac) !== expected.length ||
        !timingSafeEqual(Buffer.from(mac), expected)
      )
        return err('pow_challenge: not a challenge of this server; fetch a new one')
      if (Number(expires) < nowMs) return err('pow_challenge: expired; fetch a new one')
      if (spent.has(challenge)) return err('pow_challenge: already used; fetch a new one')
      if (!(await solvesChallenge(challenge, nonce, Number(bits))))
        return err(`pow_nonce: does not solve the challenge (${bits} leading zero bits)`)
      spent.set(challenge, true)
      return ok(null)
    },
  }
}
