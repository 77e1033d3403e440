import { hostname } from 'node:os'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { ALERT_ENV, type AlertConfig, alertConfigFrom } from '../alerts/alert-config'
import { CITIZEN_ENV, type CitizenConfig, citizenConfigFrom } from '../citizen/citizen-config'
import { FORECAST_ENV, type ForecastConfig, forecastConfigFrom } from '../forecast/forecast-config'
import { INCIDENT_ENV, type IncidentConfig, incidentConfigFrom } from '../incidents/incident-config'
import { HORIZON_ENV, type IngestHorizon, ingestHorizonFrom } from '../ingest/ingest-horizon'
import { PUBLIC_ENV, type PublicConfig, publicConfigFrom } from '../public/public-config'
import { RETENTION_ENV, type RetentionConfig, retentionConfigFrom } from '../store/retention-config'
import { WARNING_ENV, type WarningConfig, warningConfigFrom } from '../warnings/warning-config'

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))

/** A URL whose scheme is one of `schemes`, e.g. `postgres://user:pw@db:5432/ioc`. */
const urlWith = (...schemes: string[]) =>
  z.url({
    protocol: new RegExp(`^(${schemes.join('|')})$`),
    message: `expected a ${schemes.map((s) => `${s}://`).join(' or ')} URL`,
  })

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
  /** PostgreSQL instead of the embedded SQLite file; `?options=-c%20search_path%3Dioc` picks a schema. */
  DATABASE_URL: urlWith('postgres', 'postgresql').optional(),
  /** Redis for running several instances: Socket.IO fan-out, shared live state, the leader lease. */
  REDIS_URL: urlWith('redis', 'rediss').optional(),
  /** Prefix of every Redis key and stream, so deployments can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_:-]+$/, 'expected lowercase letters, digits, "_", ":" or "-"')
    .default('ioc'),
  /** This instance's name in leases and logs; host name and pid by default. */
  INSTANCE_ID: z.string().min(1).optional(),
  /** Leader lease lifetime, ms; a dead leader is replaced within this plus a third of it. */
  LEASE_TTL_MS: int(1000, 40_000).default(15_000),
  /** MQTT broker to take sensor readings from (`hcmc/water/<stationId>`, `hcmc/traffic/<segmentId>`). */
  MQTT_URL: urlWith('mqtt', 'mqtts', 'ws', 'wss').optional(),
  /** Fixed MQTT client id: the broker keeps this session's subscriptions and queued messages. */
  MQTT_CLIENT_ID: z.string().min(1).max(64).default('ioc-server'),
  /** With several instances: subscribe as `$share/<group>/…` so each message reaches one instance. */
  MQTT_SHARE_GROUP: z
    .string()
    .regex(/^[^/+#]+$/, 'expected a name without "/", "+" or "#"')
    .optional(),
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
  alerts: AlertConfig
  incidents: IncidentConfig
  forecast: ForecastConfig
  public: PublicConfig
  retention: RetentionConfig
  horizon: IngestHorizon
  warnings: WarningConfig
  citizen: CitizenConfig
  databaseUrl: string | undefined
  redisUrl: string | undefined
  redisPrefix: string
  instanceId: string
  leaseTtlMs: number
  mqtt: { url: string; clientId: string; shareGroup: string | undefined } | undefined
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads the configuration from the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "unset", as in `PORT= pnpm ioc serve`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = Env.extend(ALERT_ENV)
    .extend(INCIDENT_ENV)
    .extend(FORECAST_ENV)
    .extend(PUBLIC_ENV)
    .extend(RETENTION_ENV)
    .extend(HORIZON_ENV)
    .extend(WARNING_ENV)
    .extend(CITIZEN_ENV)
    .safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0])
      // A secret is never echoed into logs, even a bad one.
      const shown = /PASSWORD|SECRET/.test(name) ? '(hidden)' : JSON.stringify(withoutPassword(env[name]))
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
    alerts: alertConfigFrom(e),
    incidents: incidentConfigFrom(e),
    forecast: forecastConfigFrom(e),
    public: publicConfigFrom(e),
    retention: retentionConfigFrom(e),
    horizon: ingestHorizonFrom(e),
    warnings: warningConfigFrom(e),
    citizen: citizenConfigFrom(e),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    leaseTtlMs: e.LEASE_TTL_MS,
    mqtt: e.MQTT_URL
      ? { url: e.MQTT_URL, clientId: e.MQTT_CLIENT_ID, shareGroup: e.MQTT_SHARE_GROUP }
      : undefined,
  }
}

/** `postgres://ioc:secret@db/ioc` → `postgres://ioc:***@db/ioc`, for error messages and logs. */
export function withoutPassword(value: string | undefined): string | undefined {
  return value?.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@')
}
