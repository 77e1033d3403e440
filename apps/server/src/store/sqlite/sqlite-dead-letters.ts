import type Database from 'better-sqlite3'
import type { DeadLetterStore } from '../dead-letter-store'
import { type DeadLetterRow, toDeadLetter } from '../rows/dead-letter-rows'

/** The dead-letter part of the SQLite store, over the table of migration 30. */
export function sqliteDeadLetters(db: Database.Database): DeadLetterStore {
  const insert = db.prepare(
    `INSERT INTO dead_letters (topic, payload, payload_bytes, reason, received_at)
     VALUES (?, ?, ?, ?, ?) RETURNING *`,
  )
  const list = db.prepare('SELECT * FROM dead_letters WHERE id < ? ORDER BY id DESC LIMIT ?')
  return {
    async addDeadLetter(l) {
      return toDeadLetter(
        insert.get(l.topic, l.payload, l.payloadBytes, l.reason, l.receivedAt) as DeadLetterRow,
      )
    },
    async listDeadLetters({ limit, beforeId = Number.MAX_SAFE_INTEGER }) {
      return (list.all(beforeId, limit) as DeadLetterRow[]).map(toDeadLetter)
    },
  }
}
