import { z } from 'zod'
import { Alert } from './alert'
import { StateSnapshot } from './live'

/** Replay speeds: real time up to one hour of data per second. */
export const REPLAY_MIN_SPEED = 1
export const REPLAY_MAX_SPEED = 3600
export const ReplaySpeed = z.number().min(REPLAY_MIN_SPEED).max(REPLAY_MAX_SPEED)

/**
 * `replay:start`: replay the stored history of [from, to) (epoch ms). `rulesOverride` is a partial
 * rules configuration (packages/rules `RulesConfig`, e.g. `{ stations: { 'phu-an': { alarmLevelsM:
 * { II: 1.45 } } } }`) merged over the defaults for the what-if alerts; the server validates it.
 */
export const ReplayStartRequest = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    speed: ReplaySpeed.default(60),
    rulesOverride: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((r) => r.from < r.to, { message: 'from must be before to', path: ['from'] })
  .refine((r) => r.to - r.from <= 31 * 24 * 3600_000, { message: 'at most 31 days', path: ['to'] })
export type ReplayStartRequest = z.input<typeof ReplayStartRequest>

export const ReplayControl = z.discriminatedUnion('type', [
  z.object({ type: z.literal('play') }),
  z.object({ type: z.literal('pause') }),
  /** Jump to a replay time, epoch ms; clamped into [from, to]. */
  z.object({ type: z.literal('seek'), t: z.number().int() }),
  z.object({ type: z.literal('speed'), speed: ReplaySpeed }),
  /** Pause and advance one data interval. */
  z.object({ type: z.literal('step') }),
])
export type ReplayControl = z.infer<typeof ReplayControl>

/** Where the replay clock is; sent on every control and while playing. */
export const ReplayClockState = z.object({
  /** Replay time, epoch ms. */
  t: z.number().int(),
  speed: ReplaySpeed,
  playing: z.boolean(),
  from: z.number().int(),
  to: z.number().int(),
})
export type ReplayClockState = z.infer<typeof ReplayClockState>

export const ReplayStarted = z.object({
  clock: ReplayClockState,
  /** Data time one `step` advances, ms. */
  stepMs: z.number().int().positive(),
  /** Whether the replayed alerts come from overridden rules (a what-if) rather than the current ones. */
  whatIf: z.boolean(),
})
export type ReplayStarted = z.infer<typeof ReplayStarted>

/**
 * The state at the replay clock, the shape of a live snapshot so the client draws it with the same
 * code. `alerts` are the alerts of the day as recorded (with their acknowledgements) active at `clock`;
 * `replayedAlerts` those the rules engine gives over the replayed observations, with the rules override
 * when there is one (what-if), else with the current rules.
 */
export const ReplaySnapshot = StateSnapshot.extend({ replayedAlerts: z.array(Alert) })
export type ReplaySnapshot = z.infer<typeof ReplaySnapshot>

export const ReplayAlertSource = z.enum(['recorded', 'replayed'])
export type ReplayAlertSource = z.infer<typeof ReplayAlertSource>

/** An alert changing at the replay clock: raised, changed severity, cleared, acknowledged. */
export const ReplayAlert = z.object({ source: ReplayAlertSource, alert: Alert })
export type ReplayAlert = z.infer<typeof ReplayAlert>
