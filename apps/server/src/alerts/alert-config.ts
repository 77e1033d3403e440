import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const seconds = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected a number of seconds')
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))

const count = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))

/** The rules shipped with the engine. */
export const DEFAULT_RULES_CONFIG = fileURLToPath(
  new URL('../../../../packages/rules/rules.default.json', import.meta.url),
)

/** The alert variables of the environment, merged into the server's one Env schema (config.ts). */
export const ALERT_ENV = {
  /** Path of the rules configuration (JSON, see packages/rules/README.md); checked against the network at start. */
  RULES_CONFIG: z.string().min(1).default(DEFAULT_RULES_CONFIG),
  /** An unacknowledged critical alert escalates (and is pushed again) after this long, seconds. */
  ESCALATE_AFTER_S: seconds(0.1, 24 * 3600).default(300),
  /** How often the clock-driven rules (sensor silent) run, seconds. */
  ALERT_TICK_S: seconds(0.1, 3600).default(30),
  /** Comma-separated http(s) URLs told of every critical alert (SMS or chat gateways). */
  ALERT_WEBHOOKS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, message: 'expected http(s) URLs separated by commas' }))),
  /** Tries per webhook notice, the first included. */
  WEBHOOK_ATTEMPTS: count(1, 20).default(5),
  /** First retry delay, seconds; doubled on each further retry. */
  WEBHOOK_RETRY_S: seconds(0.01, 600).default(2),
  /** A webhook that has not answered after this long has failed the attempt, seconds. */
  WEBHOOK_TIMEOUT_S: seconds(0.1, 120).default(10),
}

type AlertEnv = { [K in keyof typeof ALERT_ENV]: z.output<(typeof ALERT_ENV)[K]> }

export interface AlertConfig {
  rulesConfigPath: string
  escalateAfterMs: number
  tickMs: number
  webhooks: {
    urls: string[]
    attempts: number
    retryBaseMs: number
    timeoutMs: number
  }
}

export function alertConfigFrom(e: AlertEnv): AlertConfig {
  return {
    rulesConfigPath: e.RULES_CONFIG,
    escalateAfterMs: Math.round(e.ESCALATE_AFTER_S * 1000),
    tickMs: Math.round(e.ALERT_TICK_S * 1000),
    webhooks: {
      urls: e.ALERT_WEBHOOKS,
      attempts: e.WEBHOOK_ATTEMPTS,
      retryBaseMs: Math.round(e.WEBHOOK_RETRY_S * 1000),
      timeoutMs: Math.round(e.WEBHOOK_TIMEOUT_S * 1000),
    },
  }
}
