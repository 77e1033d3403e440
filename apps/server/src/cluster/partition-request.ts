import { Alert, AlertAction, Silence } from '@ioc/domain'
import { z } from 'zod'

/**
 * What another instance asks of a partition's owner, as an entry on the partition's stream, so that
 * it is judged in order with the partition's readings by the one memory that judges the subject: an
 * officer's action on an alert, or a silence set or lifted (already stored; the owner's book takes it
 * in). `replyTo` is the asking instance's reply channel, `request` its id for the answer.
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
])
export type PartitionRequest = z.infer<typeof PartitionRequest>

/** The owner's answer, once the request's turn committed (or was refused). */
export const PartitionReply = z.object({
  request: z.string(),
  result: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), alert: Alert.nullable() }),
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
