import type pg from 'pg'
import type { DeadLetterStore } from '../dead-letter-store'
import { type DeadLetterRow, toDeadLetter } from '../rows/dead-letter-rows'

/** The dead-letter part of the PostgreSQL store, over the table of migration 30. */
export function postgresDeadLetters(pool: pg.Pool): DeadLetterStore {
  return {
    async addDeadLetter(l) {
      const { rows } = await pool.query<DeadLetterRow>(
        `INSERT INTO dead_letters (topic, payload, payload_bytes, reason, received_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [l.topic, l.payload, l.payloadBytes, l.reason, l.receivedAt],
      )
      return toDeadLetter(rows[0] as DeadLetterRow)
    },
    async listDeadLetters({ limit, beforeId = Number.MAX_SAFE_INTEGER }) {
      const { rows } = await pool.query<DeadLetterRow>(
        'SELECT * FROM dead_letters WHERE id < $1 ORDER BY id DESC LIMIT $2',
        [beforeId, limit],
      )
      return rows.map(toDeadLetter)
    },
  }
}
