import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const seconds = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected a number of seconds')
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))

/** The prior tide transfers shipped with the server (see the file's `source`). */
export const DEFAULT_TRANSFER_PRIORS = fileURLToPath(new URL('./transfer-priors.json', import.meta.url))

/** The forecast and report variables of the environment, merged into the server's one Env schema (config.ts). */
export const FORECAST_ENV = {
  /** How often the gauges and segments are forecast, seconds (default 600: the gauges report every 10 min). */
  FORECAST_EVERY_S: seconds(1, 24 * 3600).default(600),
  /** Prior tide transfers (JSON, like the default file) for gauges with less than 48 h of history. */
  FORECAST_TRANSFER_PRIORS: z.string().min(1).default(DEFAULT_TRANSFER_PRIORS),
  /** Reports count an alert as acknowledged in time within this many seconds of being raised. */
  REPORT_ACK_TARGET_S: seconds(1, 7 * 24 * 3600).default(600),
}

type ForecastEnv = { [K in keyof typeof FORECAST_ENV]: z.output<(typeof FORECAST_ENV)[K]> }

export interface ForecastConfig {
  everyMs: number
  transferPriorsPath: string
  reportAckTargetMs: number
}

export function forecastConfigFrom(e: ForecastEnv): ForecastConfig {
  return {
    everyMs: Math.round(e.FORECAST_EVERY_S * 1000),
    transferPriorsPath: e.FORECAST_TRANSFER_PRIORS,
    reportAckTargetMs: Math.round(e.REPORT_ACK_TARGET_S * 1000),
  }
}
