import type { DeadLetter } from '@ioc/domain'

export interface DeadLetterRow {
  id: number
  topic: string
  payload: string
  payload_bytes: number
  reason: string
  received_at: number
}

export const toDeadLetter = (r: DeadLetterRow): DeadLetter => ({
  id: r.id,
  topic: r.topic,
  payload: r.payload,
  payloadBytes: r.payload_bytes,
  reason: r.reason,
  receivedAt: r.received_at,
})
