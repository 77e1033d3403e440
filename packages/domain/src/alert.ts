import { z } from 'zod'

export const AlertKind = z.enum([
  'water-level',
  'rate-of-rise',
  'street-flood',
  'congestion',
  'sensor-silent',
  'forecast-water-level',
  'forecast-congestion',
])
export type AlertKind = z.infer<typeof AlertKind>

/** Ordered from least to most severe. */
export const Severity = z.enum(['warning', 'minor', 'major', 'critical'])
export type Severity = z.infer<typeof Severity>
export const SEVERITY_RANK: Record<Severity, number> = { warning: 0, minor: 1, major: 2, critical: 3 }

export const AlertSubject = z.object({
  type: z.enum(['station', 'segment']),
  id: z.string().min(1),
})
export type AlertSubject = z.infer<typeof AlertSubject>

export const LocalizedText = z.object({ vi: z.string().min(1), en: z.string().min(1) })
export type LocalizedText = z.infer<typeof LocalizedText>

/** What a rules engine says happened; the server turns these into stored alerts. */
export const AlertEvent = z.object({
  type: z.enum(['raised', 'severity-changed', 'cleared']),
  /** Stable key of the condition, e.g. "water-level:phu-an"; one open alert per key. */
  key: z.string().min(1),
  kind: AlertKind,
  subject: AlertSubject,
  severity: Severity,
  /** The value and threshold that caused the event, in the subject's unit. */
  value: z.number(),
  threshold: z.number(),
  unit: z.string(),
  /** Epoch ms, taken from the observation (or the injected clock for silence). */
  at: z.number().int(),
  message: LocalizedText,
  /** Forecast alerts only: when the forecast event is due, epoch ms. */
  forecastFor: z.number().int().optional(),
  /** Forecast alerts only: minutes from `at` to `forecastFor` when raised or re-issued. */
  leadMin: z.number().int().optional(),
  /** Forecast alerts only, on `cleared`: whether the forecast event happened in its window. */
  outcome: z.enum(['verified', 'missed']).optional(),
})
export type AlertEvent = z.infer<typeof AlertEvent>

const Actor = z.string().min(1)

/** A reading an alert was judged on: what the engine saw when it raised or changed it. */
export const AlertReading = z.object({
  severity: Severity,
  value: z.number(),
  threshold: z.number(),
  /** Epoch ms of the engine event. */
  at: z.number().int(),
})
export type AlertReading = z.infer<typeof AlertReading>

export const Alert = z.object({
  id: z.string().min(1),
  key: z.string().min(1),
  kind: AlertKind,
  subject: AlertSubject,
  /** The current severity, value and threshold: an eased or cleared alert shows where it is now. */
  severity: Severity,
  value: z.number(),
  threshold: z.number(),
  unit: z.string(),
  message: LocalizedText,
  /** What raised it, kept as raised. */
  cause: AlertReading,
  /** The most severe reading it reached (the first at that severity), kept after it eases or clears. */
  peak: AlertReading,
  raisedAt: z.number().int(),
  updatedAt: z.number().int(),
  /** Active while the condition holds; cleared by the engine when it stops. */
  active: z.boolean(),
  clearedAt: z.number().int().nullable(),
  ack: z.object({ by: Actor, at: z.number().int(), note: z.string() }).nullable(),
  assignee: z.object({ to: Actor, by: Actor, at: z.number().int() }).nullable(),
  resolution: z.object({ by: Actor, at: z.number().int(), note: z.string(), forced: z.boolean() }).nullable(),
  silenced: z.boolean(),
  escalatedAt: z.number().int().nullable(),
  /** Forecast alerts only, copied from the latest AlertEvent: when the forecast event is due, epoch ms. */
  forecastFor: z.number().int().optional(),
  /** Forecast alerts only: minutes from the event's `at` to `forecastFor`. */
  leadMin: z.number().int().optional(),
  /** Forecast alerts only, once cleared: whether the forecast event happened in its window. */
  outcome: z.enum(['verified', 'missed']).optional(),
})
export type Alert = z.infer<typeof Alert>

/** What a new alert needs; the lifecycle fields default to those of an alert just raised. */
export type NewAlertFields = Omit<
  Alert,
  | 'updatedAt'
  | 'active'
  | 'clearedAt'
  | 'ack'
  | 'assignee'
  | 'resolution'
  | 'silenced'
  | 'escalatedAt'
  | 'cause'
  | 'peak'
> &
  Partial<Alert>

/**
 * An alert as raised: active, updated when raised, not acknowledged, assigned, resolved, silenced or
 * escalated; its cause and peak are the reading it was raised on.
 */
export function newAlert(fields: NewAlertFields): Alert {
  const raisedOn = {
    severity: fields.severity,
    value: fields.value,
    threshold: fields.threshold,
    at: fields.raisedAt,
  }
  return {
    cause: raisedOn,
    peak: raisedOn,
    updatedAt: fields.raisedAt,
    active: true,
    clearedAt: null,
    ack: null,
    assignee: null,
    resolution: null,
    silenced: false,
    escalatedAt: null,
    ...fields,
  }
}

/** The four states ThingsBoard models, plus closed once a duty officer resolves it. */
export const AlertState = z.enum(['active-unack', 'active-ack', 'cleared-unack', 'cleared-ack', 'resolved'])
export type AlertState = z.infer<typeof AlertState>

export function alertState(a: Alert): AlertState {
  if (a.resolution) return 'resolved'
  if (a.active) return a.ack ? 'active-ack' : 'active-unack'
  return a.ack ? 'cleared-ack' : 'cleared-unack'
}

/** An alert stays in the duty officer's queue until it is resolved. */
export function isOpen(a: Alert): boolean {
  return a.resolution === null
}

/** `POST /alerts/:id/ack`: a note is optional. */
export const AckBody = z.object({ note: z.string().max(2000).default('') })
/** `POST /alerts/:id/assign`: a duty officer or admin by name. */
export const AssignBody = z.object({ to: Actor })
/** `POST /alerts/:id/resolve`: a note that is not blank; `force` resolves an alert still active. */
export const ResolveBody = z.object({
  note: z.string().trim().min(1, 'a resolution needs a note').max(2000),
  force: z.boolean().default(false),
})

/** A duty officer's action, one schema for HTTP (the bodies above) and the socket's `alert:act`. */
export const AlertAction = z.discriminatedUnion('type', [
  AckBody.extend({ type: z.literal('acknowledge') }),
  AssignBody.extend({ type: z.literal('assign') }),
  ResolveBody.extend({ type: z.literal('resolve') }),
])
export type AlertAction = z.infer<typeof AlertAction>

export const AlertTransition = z.object({
  alertId: z.string(),
  seq: z.number().int(),
  action: z.enum([
    'raised',
    'severity-changed',
    'cleared',
    'acknowledged',
    'assigned',
    'resolved',
    'escalated',
    'notified',
  ]),
  at: z.number().int(),
  /** A user name, or "system" for the engine. */
  by: Actor,
  /** Where the action came from: client address or "engine". */
  origin: z.string(),
  note: z.string(),
  details: z.record(z.string(), z.unknown()),
})
export type AlertTransition = z.infer<typeof AlertTransition>
