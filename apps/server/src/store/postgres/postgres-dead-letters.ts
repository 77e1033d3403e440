import type { DeadLetter } from '@ioc/domain'
import type pg from 'pg'
import type { DeadLetterStore } from '../dead-letter-store'

interface Row {
  id: number
  topic: string
  payload: string
  payload_bytes: number
  reason: string
  received_at: number
}
const toLetter = (r: Row): DeadLetter => ({
  id: r.id,
  topic: r.topic,
  payload: r.payload,
  payloadBytes: r.payload_bytes,
  reason: r.reason,
  receivedAt: r.received_at,
})

/** The dead-letter part of the PostgreSQL store, over the table of migration 30. */
export function postgresDeadLetters(pool: pg.Pool): DeadLetterStore {
  return {
    async addDeadLetter(l) {
      const { rows } = await pool.query<Row>(
        `INSERT INTO dead_letters (topic, payload, payload_bytes, reason, received_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [l.topic, l.payload, l.payloadBytes, l.reason, l.receivedAt],
      )
      return toLetter(rows[0] as Row)
    },
    async listDeadLetters({ limit, beforeId = Number.MAX_SAFE_INTEGER }) {
      const { rows } = await pool.query<Row>(
        'SELECT * FROM dead_letters WHERE id < $1 ORDER BY id DESC LIMIT $2',
        [beforeId, limit],
      )
      return rows.map(toLetter)
    },
  }
}
