import type { z } from 'zod'
import { seconds, wholeNumber } from '../config/env-values'

const DAY_MS = 86_400_000

/** The retention variables of the environment, merged into the server's one Env schema (config.ts). */
export const RETENTION_ENV = {
  /** Raw readings older than this many days are dropped once rolled up; rollups, alerts and audit stay. */
  RAW_RETENTION_DAYS: wholeNumber(1, 100 * 366).default(90),
  /** How often the retention job runs, seconds (only on the leader when several instances run). */
  RETENTION_EVERY_S: seconds(0.1, 7 * 86_400).default(3600),
}

type RetentionEnv = { [K in keyof typeof RETENTION_ENV]: z.output<(typeof RETENTION_ENV)[K]> }

export interface RetentionConfig {
  rawRetentionMs: number
  everyMs: number
}

export function retentionConfigFrom(e: RetentionEnv): RetentionConfig {
  return { rawRetentionMs: e.RAW_RETENTION_DAYS * DAY_MS, everyMs: Math.round(e.RETENTION_EVERY_S * 1000) }
}
