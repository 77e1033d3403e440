import { z } from 'zod'
import { Permission, Principal, Role } from './auth'

/** Request and response bodies of the HTTP API that are not domain concepts of their own. */

export const LoginRequest = z.object({
  name: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
})
export type LoginRequest = z.infer<typeof LoginRequest>

/** The session token is also set as an HTTP-only cookie; API clients send it as `Authorization: Bearer`. */
export const LoginResponse = z.object({
  token: z.string(),
  user: z.object({ name: z.string(), role: Role }),
  /** Epoch ms. */
  expiresAt: z.number().int(),
})
export type LoginResponse = z.infer<typeof LoginResponse>

export const Me = z.object({ principal: Principal, permissions: z.array(Permission) })
export type Me = z.infer<typeof Me>

export const IngestResult = z.object({
  /** Observations stored by this request. */
  accepted: z.number().int().nonnegative(),
  /** Observations already stored (same subject, observedAt and source), not stored again. */
  duplicates: z.number().int().nonnegative(),
})
export type IngestResult = z.infer<typeof IngestResult>

/** One point of a subject's history; a bucket of raw readings when the range was downsampled. */
export const HistoryPoint = z.object({
  /** Epoch ms: the reading's time, or the bucket's start. */
  observedAt: z.number().int(),
  /** Speed in km/h for a segment; the station's unit for a station. Mean of the bucket. */
  value: z.number(),
  min: z.number(),
  max: z.number(),
  count: z.number().int().positive(),
})
export type HistoryPoint = z.infer<typeof HistoryPoint>

export const History = z.object({
  type: z.enum(['traffic', 'water']),
  subjectId: z.string(),
  /** Epoch ms, inclusive. */
  from: z.number().int(),
  /** Epoch ms, exclusive. */
  to: z.number().int(),
  /** Width of a bucket in ms, or null when the points are the raw readings. */
  bucketMs: z.number().int().positive().nullable(),
  points: z.array(HistoryPoint),
})
export type History = z.infer<typeof History>

export const Health = z.object({
  /** Liveness: the process answers. */
  live: z.boolean(),
  /** Readiness: the store answers too. */
  ready: z.boolean(),
  checks: z.object({ store: z.enum(['ok', 'failed']) }),
  networkVersion: z.string(),
  uptimeS: z.number().nonnegative(),
})
export type Health = z.infer<typeof Health>

export const AuditAction = z.enum([
  'login',
  'login-failed',
  'logout',
  'request-refused',
  'socket-refused',
  'user-created',
  'ingest-key-created',
  'ingest-key-revoked',
  'display-created',
  'display-revoked',
  'open311-key-created',
  'open311-key-revoked',
  'warning-approved',
  'warning-rejected',
  'warning-withdrawn',
  'citizen-report-verified',
  'citizen-report-rejected',
  'citizen-report-merged',
  'citizen-report-answered',
  'citizen-report-resolved',
])
export type AuditAction = z.infer<typeof AuditAction>

/** A security event; the log is append-only. */
export const AuditEntry = z.object({
  id: z.number().int().positive(),
  /** Epoch ms. */
  at: z.number().int(),
  /** Who acted: a user, key or display name, "anonymous", or "cli". */
  actor: z.string(),
  action: AuditAction,
  /** What was acted on: a user, key or display name, a citizen report's code, or the refused request. */
  target: z.string().nullable(),
  /** Client address, or "cli". */
  origin: z.string(),
  /** Why, for refusals and failures; a rejection's reason, an answer's text, the report merged into. */
  reason: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntry>
