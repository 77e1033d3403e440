import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

/** Where `pnpm --filter @ioc/web build` writes the web client. */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url))

const Env = z.object({
  PORT: int(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  /** How often live deltas go out, ms. */
  LIVE_TICK_MS: int(10, 10_000).default(100),
  /** Password for the `admin` user created on first start; random (and printed once) when unset. */
  IOC_ADMIN_PASSWORD: z.string().min(12, 'expected at least 12 characters').optional(),
  /** Largest request body, in body-parser's notation (`20mb`, `500kb`). */
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb|gb)$/i, 'expected a size like "20mb" or "500kb"')
    .default('20mb'),
  /** Comma-separated origins allowed to call the API from a browser; empty = same origin only. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'expected origins like "https://ioc.example.vn"' }))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session lifetime, minutes. */
  SESSION_TTL_MIN: int(1, 60 * 24 * 30).default(12 * 60),
  /** Failed logins allowed per client address in 15 minutes. */
  LOGIN_MAX_FAILURES: int(1, 10_000).default(10),
  /** Mark the session cookie Secure; turn on whenever the server is behind HTTPS. */
  COOKIE_SECURE: bool.default(false),
  WEB_DIST: z.string().min(1).default(DEFAULT_WEB_DIST),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  liveTickMs: number
  adminPassword: string | undefined
  bodyLimit: string
  corsOrigins: string[]
  logLevel: z.infer<typeof Env>['LOG_LEVEL']
  sessionTtlMs: number
  loginMaxFailures: number
  cookieSecure: boolean
  webDist: string
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads the configuration from the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "unset", as in `PORT= pnpm ioc serve`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = Env.safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0])
      // A secret is never echoed into logs, even a bad one.
      const shown = name.includes('PASSWORD') ? '(hidden)' : JSON.stringify(env[name])
      return `  ${name}=${shown}: ${i.message}`
    })
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    liveTickMs: e.LIVE_TICK_MS,
    adminPassword: e.IOC_ADMIN_PASSWORD,
    bodyLimit: e.BODY_LIMIT,
    corsOrigins: e.CORS_ORIGINS,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_MIN * 60_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    cookieSecure: e.COOKIE_SECURE,
    webDist: resolve(e.WEB_DIST),
  }
}
