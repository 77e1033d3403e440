import { z } from 'zod'
import { Silence } from './alert-api'
import { Role } from './auth'

/** One attempt to notify a webhook of a critical alert; every attempt is kept. */
export const WebhookDelivery = z.object({
  id: z.number().int().positive(),
  alertId: z.string(),
  url: z.string(),
  /** Why the alert was sent: it became critical, or it escalated. */
  reason: z.enum(['critical', 'escalated']),
  /** 1 for the first try, counting up with each retry. */
  attempt: z.number().int().positive(),
  /** Epoch ms when the attempt was made. */
  at: z.number().int(),
  /** HTTP status answered, or null when no answer came (refused, timed out). */
  status: z.number().int().nullable(),
  ok: z.boolean(),
  /** What went wrong, when not ok. */
  error: z.string().nullable(),
  durationMs: z.number().nonnegative(),
})
export type WebhookDelivery = z.infer<typeof WebhookDelivery>

export const WebhookDeliveryList = z.object({ deliveries: z.array(WebhookDelivery) })
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>

export const SilenceList = z.object({ silences: z.array(Silence) })
export type SilenceList = z.infer<typeof SilenceList>

/** Someone an alert can be assigned to. */
export const UserSummary = z.object({ name: z.string(), role: Role })
export type UserSummary = z.infer<typeof UserSummary>

export const UserList = z.object({ users: z.array(UserSummary) })
export type UserList = z.infer<typeof UserList>
