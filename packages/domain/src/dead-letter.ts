import { z } from 'zod'

/** A feed message that could not be ingested, kept with why, so nothing is dropped in silence. */
export const DeadLetter = z.object({
  id: z.number().int().positive(),
  /** Where it came from, e.g. the MQTT topic `hcmc/water/phu-an`. */
  topic: z.string(),
  /** The message as UTF-8 text, cut at 64 KiB (`payloadBytes` tells the original size). */
  payload: z.string(),
  payloadBytes: z.number().int().nonnegative(),
  /** What was wrong, naming the field: `value: expected number, received string`. */
  reason: z.string(),
  /** Server clock when received, epoch ms. */
  receivedAt: z.number().int(),
})
export type DeadLetter = z.infer<typeof DeadLetter>
