import { AlertEvent, type Issue, issuesFromZod, type Result, SegmentId, StationId } from '@ioc/domain'
import { z } from 'zod'

/** Epoch ms since which a condition has held on every reading, or null when it does not hold. */
const SinceMs = z.number().int().nullable()

export const BandState = z
  .strictObject({
    /** 0 = no alert, k = level k of the rule is open. */
    level: z.number().int().min(0).max(3),
    enterSinceMs: z.array(SinceMs).max(3),
    leaveSinceMs: z.array(SinceMs).max(3),
    /** The last raised / severity-changed event while open. */
    open: AlertEvent.nullable(),
  })
  .refine((b) => (b.level === 0) === (b.open === null), { message: 'an open level needs its open event' })
export type BandState = z.infer<typeof BandState>

export const RateOfRiseState = z.strictObject({
  band: BandState,
  /** The window's minimum queue as [atMs, metres], oldest first. */
  samples: z.array(z.tuple([z.number().int(), z.number()])),
})
export type RateOfRiseState = z.infer<typeof RateOfRiseState>

/**
 * The sources of the readings judged at `lastAtMs`: a reading of one of them at that instant is the
 * same reading again (the store's key is subject, observedAt, source), which the engine skips. Absent in
 * states saved before it was kept: then any reading at `lastAtMs` counts as already judged.
 */
const LastSources = z.array(z.string()).min(1).optional()

export const StationState = z.strictObject({
  lastAtMs: z.number().int().nullable(),
  lastSources: LastSources,
  waterLevel: BandState.optional(),
  rateOfRise: RateOfRiseState.optional(),
  streetFlood: BandState.optional(),
  silent: AlertEvent.nullable().optional(),
})
export type StationState = z.infer<typeof StationState>

export const SegmentState = z.strictObject({
  lastAtMs: z.number().int().nullable(),
  lastSources: LastSources,
  congestion: BandState.optional(),
})
export type SegmentState = z.infer<typeof SegmentState>

/**
 * Everything the engine remembers (open alerts, pending and hysteresis timers, rise windows, last
 * reading times), as plain JSON so the server can persist it and restore it after a restart.
 */
export const RulesEngineState = z.strictObject({
  version: z.literal(1),
  networkVersion: z.string(),
  /** The first tick's clock: silence of a station never heard from is counted from here. */
  silenceBaselineMs: z.number().int().nullable(),
  stations: z.record(StationId, StationState),
  segments: z.record(SegmentId, SegmentState),
})
export type RulesEngineState = z.infer<typeof RulesEngineState>

/** Validates a persisted engine state (parsed JSON) before it is handed to createRulesEngine. */
export function parseRulesEngineState(json: unknown): Result<RulesEngineState, Issue[]> {
  const parsed = RulesEngineState.safeParse(json)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: issuesFromZod(parsed.error) }
}
