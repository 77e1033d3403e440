import { Timestamp } from '@ioc/domain'
import type { z } from 'zod'
import { wholeNumber } from '../config/env-values'

const DAY_MS = 86_400_000

/** The ingest horizon variables of the environment, merged into the server's one Env schema (config.ts). */
export const HORIZON_ENV = {
  /**
   * Live feeds may not send readings observed before this time: a date before the network's first
   * automatic sensors is a broken clock or a unit mix-up (e.g. 1900-01-01), not a reading.
   */
  INGEST_EPOCH: Timestamp.default('2000-01-01T00:00:00+07:00').transform((s) => Date.parse(s)),
  /** Live feeds may not send readings more than this many days old; unset: no limit but the epoch. */
  INGEST_MAX_AGE_DAYS: wholeNumber(1, 100 * 366).optional(),
}

type HorizonEnv = z.output<z.ZodObject<typeof HORIZON_ENV>>

export interface IngestHorizon {
  epochMs: number
  maxAgeMs: number | undefined
}

export function ingestHorizonFrom(e: HorizonEnv): IngestHorizon {
  return {
    epochMs: e.INGEST_EPOCH,
    maxAgeMs: e.INGEST_MAX_AGE_DAYS === undefined ? undefined : e.INGEST_MAX_AGE_DAYS * DAY_MS,
  }
}

/**
 * The oldest observation time live ingest (HTTP, MQTT) accepts at `nowMs`: the later of the epoch and
 * the age limit. `ioc import` has no horizon: a recording is history by nature.
 */
export function notBeforeMs(h: IngestHorizon, nowMs: number): number {
  return h.maxAgeMs === undefined ? h.epochMs : Math.max(h.epochMs, nowMs - h.maxAgeMs)
}
