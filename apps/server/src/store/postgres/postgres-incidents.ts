import type { Incident } from '@ioc/domain'
import type pg from 'pg'
import { foldForSearch, type IncidentStore } from '../incident-store'
import { definedOnly, type IncidentRow, searchText, toIncident } from '../rows/incident-rows'
import { inTransaction } from './pg-pool'

/** The incident part of the PostgreSQL store, over the tables of migration 20. */
export function postgresIncidents(pool: pg.Pool): IncidentStore {
  return {
    async createIncident(i) {
      await pool.query(
        `INSERT INTO incidents (id, title, notes, from_ms, to_ms, created_by, created_at, updated_at, search)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [i.id, i.title, i.notes, i.from, i.to, i.createdBy, i.createdAt, i.updatedAt, searchText(i)],
      )
    },

    async getIncident(id) {
      const { rows } = await pool.query<IncidentRow>('SELECT * FROM incidents WHERE id = $1', [id])
      return rows[0] ? toIncident(rows[0]) : null
    },

    async listIncidents({ q, limit }) {
      // strpos() matches literally, so a % or _ typed by the analyst is no wildcard.
      const words = foldForSearch(q ?? '')
        .split(/\s+/)
        .filter(Boolean)
      const where = words.length
        ? `WHERE ${words.map((_, i) => `strpos(search, $${i + 1}) > 0`).join(' AND ')}`
        : ''
      const { rows } = await pool.query<IncidentRow>(
        `SELECT * FROM incidents ${where} ORDER BY created_at DESC, id LIMIT $${words.length + 1}`,
        [...words, limit],
      )
      return rows.map(toIncident)
    },

    updateIncident(id, patch, atMs) {
      return inTransaction(pool, async (db) => {
        const { rows } = await db.query<IncidentRow>('SELECT * FROM incidents WHERE id = $1 FOR UPDATE', [id])
        if (!rows[0]) return null
        const next: Incident = { ...toIncident(rows[0]), ...definedOnly(patch), updatedAt: atMs }
        await db.query(
          `UPDATE incidents SET title = $2, notes = $3, from_ms = $4, to_ms = $5, updated_at = $6, search = $7
           WHERE id = $1`,
          [id, next.title, next.notes, next.from, next.to, next.updatedAt, searchText(next)],
        )
        return next
      })
    },

    async deleteIncident(id) {
      const r = await pool.query('DELETE FROM incidents WHERE id = $1', [id])
      return (r.rowCount ?? 0) > 0
    },
  }
}
