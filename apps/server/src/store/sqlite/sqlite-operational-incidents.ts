import type Database from 'better-sqlite3'
import type { OperationalIncidentStore } from '../operational-incident-store'
import {
  type DocRow,
  type IncidentEventRow,
  incidentListWhere,
  toIncidentEvent,
  toOperationalIncident,
  toShiftHandover,
} from '../rows/operational-incident-rows'

/** Operational incidents and shift handovers in SQLite, over the tables of migration 50. */
export function sqliteOperationalIncidents(db: Database.Database): OperationalIncidentStore {
  const upsert = db.prepare(
    `INSERT INTO operational_incidents (id, status, opened_at, updated_at, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, doc = excluded.doc`,
  )
  const nextSeq = db
    .prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM operational_incident_events WHERE incident_id = ?')
    .pluck()
  const appendEvent = db.prepare(
    `INSERT INTO operational_incident_events (incident_id, seq, action, at, by_user, origin, note, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const get = db.prepare('SELECT doc FROM operational_incidents WHERE id = ?')
  const eventsOf = db.prepare('SELECT * FROM operational_incident_events WHERE incident_id = ? ORDER BY seq')
  const eventsBetween = db.prepare(
    'SELECT * FROM operational_incident_events WHERE at >= ? AND at < ? ORDER BY at, incident_id, seq',
  )
  const insertHandover = db.prepare(
    'INSERT INTO shift_handovers (id, from_ms, to_ms, created_by, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const getHandover = db.prepare('SELECT doc FROM shift_handovers WHERE id = ?')
  const listHandovers = db.prepare('SELECT doc FROM shift_handovers ORDER BY created_at DESC, id LIMIT ?')

  const save = db.transaction(
    (
      incidents: Parameters<OperationalIncidentStore['saveOperationalIncidents']>[0],
      events: Parameters<OperationalIncidentStore['saveOperationalIncidents']>[1],
    ) => {
      for (const i of incidents) upsert.run(i.id, i.status, i.openedAt, i.updatedAt, JSON.stringify(i))
      return events.map((e) => {
        const seq = nextSeq.get(e.incidentId) as number
        appendEvent.run(e.incidentId, seq, e.action, e.at, e.by, e.origin, e.note, JSON.stringify(e.details))
        return { ...e, seq }
      })
    },
  )

  return {
    async saveOperationalIncidents(incidents, events) {
      return save(incidents, events)
    },

    async getOperationalIncident(id) {
      const r = get.get(id) as DocRow | undefined
      return r ? toOperationalIncident(r) : null
    },

    async listOperationalIncidents(q) {
      const { where, values } = incidentListWhere(q)
      const rows = db
        .prepare(`SELECT doc FROM operational_incidents ${where} ORDER BY opened_at DESC, id LIMIT ?`)
        .all(...values, q.limit) as DocRow[]
      return rows.map(toOperationalIncident)
    },

    async listOperationalIncidentEvents(filter) {
      const rows =
        'incidentId' in filter
          ? eventsOf.all(filter.incidentId)
          : eventsBetween.all(filter.fromMs, filter.toMs)
      return (rows as IncidentEventRow[]).map(toIncidentEvent)
    },

    async createShiftHandover(h) {
      insertHandover.run(h.id, h.from, h.to, h.createdBy, h.createdAt, JSON.stringify(h))
    },

    async getShiftHandover(id) {
      const r = getHandover.get(id) as DocRow | undefined
      return r ? toShiftHandover(r) : null
    },

    async listShiftHandovers(limit) {
      return (listHandovers.all(limit) as DocRow[]).map(toShiftHandover)
    },
  }
}
