import { Timestamp } from '@ioc/domain'
import { z } from 'zod'

/** A time in a query string: ISO 8601 with offset, or epoch milliseconds. Parses to epoch ms. */
export const TimeParam = z
  .union([
    z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number),
    Timestamp.transform((s) => Date.parse(s)),
  ])
  .meta({
    description: 'ISO 8601 time with offset, or epoch milliseconds',
    example: '2025-10-07T18:00:00+07:00',
  })

export const HistoryParams = z
  .object({
    from: TimeParam.optional().meta({ description: 'Start, inclusive; default 24 h before `to`' }),
    to: TimeParam.optional().meta({ description: 'End, exclusive; default now' }),
    maxPoints: z.coerce
      .number()
      .int()
      .min(2)
      .max(10_000)
      .default(1000)
      .meta({ description: 'Longer ranges are averaged into at most this many buckets' }),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'from must be before to',
    path: ['from'],
  })

export const AuditParams = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional().meta({ description: 'Entries with a smaller id' }),
})
