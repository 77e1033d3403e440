import type { Incident } from '@ioc/domain'
import type Database from 'better-sqlite3'
import { foldForSearch, type IncidentStore } from '../incident-store'
import { definedOnly, type IncidentRow, searchText, toIncident } from '../rows/incident-rows'

/** The incident part of the SQLite store, over the tables of migration 20. */
export function sqliteIncidentStore(db: Database.Database): IncidentStore {
  const insert = db.prepare(
    `INSERT INTO incidents (id, title, notes, from_ms, to_ms, created_by, created_at, updated_at, search)
     VALUES (@id, @title, @notes, @from, @to, @createdBy, @createdAt, @updatedAt, @search)`,
  )
  const get = db.prepare('SELECT * FROM incidents WHERE id = ?')
  const update = db.prepare(
    `UPDATE incidents SET title = @title, notes = @notes, from_ms = @from, to_ms = @to,
       updated_at = @updatedAt, search = @search WHERE id = @id`,
  )
  const remove = db.prepare('DELETE FROM incidents WHERE id = ?')

  return {
    async createIncident(i) {
      insert.run({ ...i, search: searchText(i) })
    },

    async getIncident(id) {
      const r = get.get(id) as IncidentRow | undefined
      return r ? toIncident(r) : null
    },

    async listIncidents({ q, limit }) {
      // instr() matches literally, so a % or _ typed by the analyst is no wildcard.
      const words = foldForSearch(q ?? '')
        .split(/\s+/)
        .filter(Boolean)
      const where = words.length ? `WHERE ${words.map(() => 'instr(search, ?) > 0').join(' AND ')}` : ''
      const rows = db
        .prepare(`SELECT * FROM incidents ${where} ORDER BY created_at DESC, id LIMIT ?`)
        .all(...words, limit) as IncidentRow[]
      return rows.map(toIncident)
    },

    async updateIncident(id, patch, atMs) {
      return db.transaction(() => {
        const r = get.get(id) as IncidentRow | undefined
        if (!r) return null
        const next: Incident = { ...toIncident(r), ...definedOnly(patch), updatedAt: atMs }
        update.run({ ...next, search: searchText(next) })
        return next
      })()
    },

    async deleteIncident(id) {
      return remove.run(id).changes > 0
    },
  }
}
