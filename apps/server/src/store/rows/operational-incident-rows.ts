import {
  OperationalIncident,
  type OperationalIncidentEvent,
  type OperationalIncidentQuery,
  ShiftHandover,
} from '@ioc/domain'

/** Incidents and handovers are stored as their JSON documents, with the columns queries need beside. */
export interface DocRow {
  doc: string | Record<string, unknown>
}

const json = (doc: DocRow['doc']) => (typeof doc === 'string' ? JSON.parse(doc) : doc)
export const toOperationalIncident = (r: DocRow): OperationalIncident =>
  OperationalIncident.parse(json(r.doc))
export const toShiftHandover = (r: DocRow): ShiftHandover => ShiftHandover.parse(json(r.doc))

export interface IncidentEventRow {
  incident_id: string
  seq: number
  action: OperationalIncidentEvent['action']
  at: number
  by_user: string
  origin: string
  note: string
  details: string | Record<string, unknown>
}

export const toIncidentEvent = (r: IncidentEventRow): OperationalIncidentEvent => ({
  incidentId: r.incident_id,
  seq: r.seq,
  action: r.action,
  at: r.at,
  by: r.by_user,
  origin: r.origin,
  note: r.note,
  details: json(r.details),
})

/**
 * The WHERE clause of a list query with `?` placeholders (PostgreSQL numbers them), and its values.
 * `from` keeps incidents still open or updated at or after it.
 */
export function incidentListWhere(q: OperationalIncidentQuery): {
  where: string
  values: (string | number)[]
} {
  const clauses: string[] = []
  const values: (string | number)[] = []
  if (q.state === 'open') clauses.push(`status = 'open'`)
  if (q.from !== undefined) {
    clauses.push(`(status = 'open' OR updated_at >= ?)`)
    values.push(q.from)
  }
  if (q.to !== undefined) {
    clauses.push('opened_at < ?')
    values.push(q.to)
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values }
}
