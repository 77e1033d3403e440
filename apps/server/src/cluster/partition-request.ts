import { Alert, AlertAction, AlertEvent, Silence } from '@ioc/domain'
import { z } from 'zod'

/**
 * What another instance asks of a partition's owner, as an entry on the partition's stream, so that
 * it is judged in order with the partition's readings by the one memory that judges the subject: an
 * officer's action on an alert, a silence set or lifted (already stored; the owner's book takes it
 * in), a clock-driven turn, forecast events. `replyTo` is the asking instance's reply channel, `request` its id for the answer.
 */
export const PartitionRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('act'),
    request: z.string(),
    replyTo: z.string(),
    alertId: z.string(),
    action: AlertAction,
    by: z.string(),
    origin: z.string(),
    atMs: z.number().int(),
  }),
  z.object({ type: z.literal('silence'), request: z.string(), replyTo: z.string(), silence: Silence }),
  // The clock-driven turns, run by each owner on its partitions when the leader's clock says so.
  z.object({ type: z.literal('tick'), request: z.string(), replyTo: z.string(), nowMs: z.number() }),
  z.object({
    type: z.literal('escalate'),
    request: z.string(),
    replyTo: z.string(),
    beforeMs: z.number(),
    nowMs: z.number(),
  }),
  // Forecast alert events of the partition's subjects.
  z.object({
    type: z.literal('events'),
    request: z.string(),
    replyTo: z.string(),
    events: z.array(AlertEvent),
    nowMs: z.number(),
  }),
])
export type PartitionRequest = z.infer<typeof PartitionRequest>

/** The owner's answer, once the request's turn committed (or was refused). */
export const PartitionReply = z.object({
  request: z.string(),
  result: z.discriminatedUnion('ok', [
    /** The alerts the request's turn changed, as stored. */
    z.object({ ok: z.literal(true), alerts: z.array(Alert) }),
    z.object({
      ok: z.literal(false),
      error: z.discriminatedUnion('code', [
        z.object({ code: z.literal('not_found') }),
        z.object({ code: z.literal('already_acknowledged'), by: z.string(), at: z.number() }),
        z.object({ code: z.literal('already_resolved'), by: z.string(), at: z.number() }),
        z.object({ code: z.literal('still_active') }),
      ]),
    }),
  ]),
})
export type PartitionReply = z.infer<typeof PartitionReply>
