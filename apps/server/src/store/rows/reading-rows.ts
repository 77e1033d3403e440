import type { Reading, ReadingsQuery, SeriesField, SeriesRef } from '@ioc/sensorthings'

/**
 * One SELECT of a readings query: the stored values of one kind and field, of some subjects or all;
 * `any` is every field of every traffic row, read in one pass over the table.
 */
export interface ReadingArm {
  type: SeriesRef['type']
  field: SeriesField | 'any'
  /** null: every subject. */
  subjects: string[] | null
}

// One traffic arm for its three fields: as three arms, a field most feeds leave empty (occupancy) made
// a time-ordered page walk the whole table to find none.
const ALL_ARMS: ReadingArm[] = [
  { type: 'water', field: 'level', subjects: null },
  { type: 'traffic', field: 'any', subjects: null },
]

/** The traffic fields of an `any` arm, byte-wise ordered, and the value of field `f` of row `x`. */
export const TRAFFIC_FIELDS = ['flow', 'occupancy', 'speed'] as const
export const trafficValue = (f: string) =>
  `CASE ${f} WHEN 'speed' THEN x.speed_kph WHEN 'flow' THEN x.flow_vph ELSE x.occupancy_pct END`

/** The arms of a query: every (kind, field) it asks for, with the subjects asked for in each. */
export function readingArms(series: ReadingsQuery['series']): ReadingArm[] {
  if (!series) return ALL_ARMS
  const arms = new Map<string, ReadingArm>()
  for (const s of series) {
    const key = `${s.type}:${s.field}`
    const arm = arms.get(key) ?? { type: s.type, field: s.field, subjects: [] }
    arm.subjects?.push(s.subjectId)
    arms.set(key, arm)
  }
  return [...arms.values()]
}

/** The column of the stored value of each field, in the tables both stores share by name. */
export const FIELD_COLUMN: Record<SeriesField, string> = {
  level: 'value',
  speed: 'speed_kph',
  flow: 'flow_vph',
  occupancy: 'occupancy_pct',
}

/** ORDER BY over the union's columns (t, type, subject, field, source, v): the asked order, then the ties. */
export function readingOrder(order: ReadingsQuery['order']): string {
  const keys = order.map((o) => `${o.by === 'time' ? 't' : 'v'}${o.desc ? ' DESC' : ''}`)
  return [...keys, 't', 'type', 'subject', 'field', 'source'].join(', ')
}

/** A row of the union as both stores select it. */
export interface ReadingRow {
  t: number
  type: SeriesRef['type']
  subject: string
  field: SeriesField
  source: string
  v: number
}

export const readingFromRow = (r: ReadingRow): Reading => ({
  type: r.type,
  subjectId: r.subject,
  field: r.field,
  observedAtMs: r.t,
  source: r.source,
  value: r.v,
})
