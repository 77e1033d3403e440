import { z } from 'zod'

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))

/** The public (anonymous) endpoints' variables, merged into the server's one Env schema (config.ts). */
export const PUBLIC_ENV = {
  /** Requests per minute one client address may make to the public endpoints before 429. */
  PUBLIC_RATE_LIMIT_PER_MIN: int(1, 10_000_000).default(600),
  /** How long public answers are cached, by the server and by clients, seconds; 0 turns caching off. */
  PUBLIC_CACHE_MAX_AGE_S: int(0, 86_400).default(30),
}

type PublicEnv = { [K in keyof typeof PUBLIC_ENV]: z.output<(typeof PUBLIC_ENV)[K]> }

export interface PublicConfig {
  rateLimitPerMin: number
  cacheMaxAgeS: number
}

export function publicConfigFrom(e: PublicEnv): PublicConfig {
  return { rateLimitPerMin: e.PUBLIC_RATE_LIMIT_PER_MIN, cacheMaxAgeS: e.PUBLIC_CACHE_MAX_AGE_S }
}
