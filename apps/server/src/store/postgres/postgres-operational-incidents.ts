import type pg from 'pg'
import type { OperationalIncidentStore } from '../operational-incident-store'
import {
  type DocRow,
  type IncidentEventRow,
  incidentListWhere,
  toIncidentEvent,
  toOperationalIncident,
  toShiftHandover,
} from '../rows/operational-incident-rows'
import { inTransaction } from './pg-pool'

/** `?` placeholders numbered for PostgreSQL, from `$first`. */
const numbered = (sql: string, first = 1) => {
  let n = first
  return sql.replace(/\?/g, () => `$${n++}`)
}

/** Operational incidents and shift handovers in PostgreSQL, over the tables of migration 50. */
export function postgresOperationalIncidents(pool: pg.Pool): OperationalIncidentStore {
  return {
    saveOperationalIncidents(incidents, events) {
      return inTransaction(pool, async (db) => {
        for (const i of incidents)
          await db.query(
            `INSERT INTO operational_incidents (id, status, opened_at, updated_at, doc) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, doc = excluded.doc`,
            [i.id, i.status, i.openedAt, i.updatedAt, JSON.stringify(i)],
          )
        const stored = []
        for (const e of events) {
          // The incident's row lock (taken by its upsert, or here) serialises its seq across instances.
          await db.query('SELECT 1 FROM operational_incidents WHERE id = $1 FOR UPDATE', [e.incidentId])
          const { rows } = await db.query<{ seq: number }>(
            `INSERT INTO operational_incident_events (incident_id, seq, action, at, by_user, origin, note, details)
             SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6, $7
             FROM operational_incident_events WHERE incident_id = $1 RETURNING seq`,
            [e.incidentId, e.action, e.at, e.by, e.origin, e.note, JSON.stringify(e.details)],
          )
          stored.push({ ...e, seq: (rows[0] as { seq: number }).seq })
        }
        return stored
      })
    },

    async getOperationalIncident(id) {
      const { rows } = await pool.query<DocRow>('SELECT doc FROM operational_incidents WHERE id = $1', [id])
      return rows[0] ? toOperationalIncident(rows[0]) : null
    },

    async listOperationalIncidents(q) {
      const { where, values } = incidentListWhere(q)
      const { rows } = await pool.query<DocRow>(
        numbered(`SELECT doc FROM operational_incidents ${where} ORDER BY opened_at DESC, id LIMIT ?`),
        [...values, q.limit],
      )
      return rows.map(toOperationalIncident)
    },

    async listOperationalIncidentEvents(filter) {
      const { rows } =
        'incidentId' in filter
          ? await pool.query<IncidentEventRow>(
              'SELECT * FROM operational_incident_events WHERE incident_id = $1 ORDER BY seq',
              [filter.incidentId],
            )
          : await pool.query<IncidentEventRow>(
              `SELECT * FROM operational_incident_events WHERE at >= $1 AND at < $2
               ORDER BY at, incident_id, seq`,
              [filter.fromMs, filter.toMs],
            )
      return rows.map(toIncidentEvent)
    },

    async createShiftHandover(h) {
      await pool.query(
        'INSERT INTO shift_handovers (id, from_ms, to_ms, created_by, created_at, doc) VALUES ($1, $2, $3, $4, $5, $6)',
        [h.id, h.from, h.to, h.createdBy, h.createdAt, JSON.stringify(h)],
      )
    },

    async getShiftHandover(id) {
      const { rows } = await pool.query<DocRow>('SELECT doc FROM shift_handovers WHERE id = $1', [id])
      return rows[0] ? toShiftHandover(rows[0]) : null
    },

    async listShiftHandovers(limit) {
      const { rows } = await pool.query<DocRow>(
        'SELECT doc FROM shift_handovers ORDER BY created_at DESC, id LIMIT $1',
        [limit],
      )
      return rows.map(toShiftHandover)
    },
  }
}
