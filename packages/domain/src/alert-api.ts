import { z } from 'zod'
import { Alert, AlertKind, AlertSubject, AlertTransition, Severity } from './alert'

/** A duty officer's maintenance window: alerts on the subject are recorded but not pushed until `until`. */
export const Silence = z.object({
  id: z.string().min(1),
  subject: AlertSubject,
  reason: z.string().min(1).max(500),
  createdBy: z.string(),
  createdAt: z.number().int(),
  /** Epoch ms when the silence ends by itself. */
  until: z.number().int(),
  /** Set when a duty officer lifts it early. */
  cancelledAt: z.number().int().nullable(),
})
export type Silence = z.infer<typeof Silence>

export const NewSilence = z.object({
  subject: AlertSubject,
  reason: z.string().trim().min(1, 'a silence needs a reason').max(500),
  until: z.number().int(),
})
export type NewSilence = z.infer<typeof NewSilence>

/** Filters of `GET /api/v1/alerts`; `open` (default) is everything not yet resolved. */
export const AlertQuery = z.object({
  state: z.enum(['open', 'active', 'cleared', 'resolved', 'all']).default('open'),
  severity: Severity.optional(),
  kind: AlertKind.optional(),
  /** Raised at or after, epoch ms. */
  from: z.coerce.number().int().optional(),
  /** Raised before, epoch ms. */
  to: z.coerce.number().int().optional(),
})
export type AlertQuery = z.infer<typeof AlertQuery>

export const AlertList = z.object({ alerts: z.array(Alert) })
export type AlertList = z.infer<typeof AlertList>

/** `GET /api/v1/alerts/:id`: the alert and its whole audit trail, oldest first. */
export const AlertDetail = z.object({ alert: Alert, transitions: z.array(AlertTransition) })
export type AlertDetail = z.infer<typeof AlertDetail>
