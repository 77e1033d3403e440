import type { DeadLetter } from '@ioc/domain'
import type Database from 'better-sqlite3'
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

/** The dead-letter part of the SQLite store, over the table of migration 30. */
export function sqliteDeadLetters(db: Database.Database): DeadLetterStore {
  const insert = db.prepare(
    `INSERT INTO dead_letters (topic, payload, payload_bytes, reason, received_at)
     VALUES (?, ?, ?, ?, ?) RETURNING *`,
  )
  const list = db.prepare('SELECT * FROM dead_letters WHERE id < ? ORDER BY id DESC LIMIT ?')
  return {
    async addDeadLetter(l) {
      return toLetter(insert.get(l.topic, l.payload, l.payloadBytes, l.reason, l.receivedAt) as Row)
    },
    async listDeadLetters({ limit, beforeId = Number.MAX_SAFE_INTEGER }) {
      return (list.all(beforeId, limit) as Row[]).map(toLetter)
    },
  }
}
