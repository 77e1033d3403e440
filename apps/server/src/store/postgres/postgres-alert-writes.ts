import type { AlertWrite } from '@ioc/alerts'
import type { Alert, AlertTransition } from '@ioc/domain'
import type pg from 'pg'
import type { AlertChange } from '../alert-store'
import { type TransitionRow, toTransition } from '../rows/alert-rows'

/** The columns of `alerts` that change with the document, as parameters $2…$9 after the id. */
const columns = (a: Alert, criticalSince: number | null) => [
  a.severity,
  a.active,
  a.ack?.by ?? null,
  a.resolution?.at ?? null,
  a.silenced,
  a.escalatedAt,
  criticalSince,
  JSON.stringify(a),
]

/** Appends a transition to an alert's audit trail, numbered after the last. */
export async function addTransition(
  db: pg.ClientBase,
  t: Omit<AlertTransition, 'seq'>,
): Promise<AlertTransition> {
  // Callers hold the alert's row lock, so MAX(seq) + 1 cannot race.
  const { rows } = await db.query<TransitionRow>(
    `INSERT INTO alert_transitions (alert_id, seq, action, at, by, origin, note, details)
     VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM alert_transitions WHERE alert_id = $1),
       $2, $3, $4, $5, $6, $7)
     RETURNING *`,
    [t.alertId, t.action, t.at, t.by, t.origin, t.note, JSON.stringify(t.details)],
  )
  return toTransition(rows[0] as TransitionRow)
}

// A turn's alert writes in three statements instead of two per write (a jam
// across the city is hundreds of writes in one turn). Each alert is stored as the turn left it.
const UPDATE_ALERTS = `
  UPDATE alerts a SET severity = u.severity, active = u.active, ack_by = u.ack_by, resolved_at = u.resolved_at,
    silenced = u.silenced, escalated_at = u.escalated_at, critical_since = u.critical_since, doc = u.doc,
    version = a.version + u.writes
  FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::bigint[], $6::boolean[], $7::bigint[],
    $8::bigint[], $9::jsonb[], $10::int[])
    AS u(id, severity, active, ack_by, resolved_at, silenced, escalated_at, critical_since, doc, writes)
  WHERE a.id = u.id
  RETURNING a.id`
const INSERT_ALERTS = `
  INSERT INTO alerts (id, severity, active, ack_by, resolved_at, silenced, escalated_at, critical_since, doc,
    version, key, kind, subject_type, subject_id, raised_at)
  SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::bigint[], $6::boolean[],
    $7::bigint[], $8::bigint[], $9::jsonb[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[],
    $15::bigint[])`
// The statement does not see its own rows, so each alert's trail continues from what was stored before
// it, numbered by the transition's place among the alert's in this turn (nth).
const INSERT_TRANSITIONS = `
  INSERT INTO alert_transitions (alert_id, seq, action, at, by, origin, note, details)
  SELECT u.alert_id,
    (SELECT COALESCE(MAX(seq), 0) FROM alert_transitions t WHERE t.alert_id = u.alert_id) + u.nth,
    u.action, u.at, u.by, u.origin, u.note, u.details
  FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
    AS u(alert_id, nth, action, at, by, origin, note, details)
  RETURNING *`

/** Parameters of an unnest: one array per column, each row's values in column order. */
function columnsOf(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const out = Array.from({ length: width }, (): unknown[] => [])
  for (const row of rows) for (let c = 0; c < width; c++) out[c]?.push(row[c])
  return out
}

/**
 * Stores a turn's alert writes (inserts and replacements, in order) with their transitions, in the
 * caller's transaction; the changes come back in write order, transitions numbered. Updates go before
 * inserts: a turn that ends one alert of a key and raises the next frees the key's open slot first.
 */
export async function writeAlerts(db: pg.ClientBase, writes: readonly AlertWrite[]): Promise<AlertChange[]> {
  if (!writes.length) return []
  /** Per alert: whether the turn raised it, how many writes it had and the last. */
  const byId = new Map<string, { isNew: boolean; writes: number; last: AlertWrite }>()
  const nth: number[] = []
  for (const w of writes) {
    const held = byId.get(w.alert.id)
    if (held) {
      held.writes++
      held.last = w
    } else byId.set(w.alert.id, { isNew: w.isNew, writes: 1, last: w })
    nth.push(held?.writes ?? 1)
  }
  const updates: unknown[][] = []
  const inserts: unknown[][] = []
  for (const { isNew, writes: n, last } of byId.values()) {
    const a = last.alert
    const row = [a.id, ...columns(a, last.criticalSince), n]
    if (isNew) inserts.push([...row, a.key, a.kind, a.subject.type, a.subject.id, a.raisedAt])
    else updates.push(row)
  }
  if (updates.length) {
    const { rows } = await db.query<{ id: string }>(UPDATE_ALERTS, columnsOf(updates, 10))
    const stored = new Set(rows.map((r) => r.id))
    const missing = updates.find((u) => !stored.has(u[0] as string))
    if (missing) throw new Error(`alert ${missing[0]} is not stored, so it cannot be changed`)
  }
  if (inserts.length) await db.query(INSERT_ALERTS, columnsOf(inserts, 15))
  const transitions = writes.map(({ transition: t }, i) => [
    t.alertId,
    nth[i],
    t.action,
    t.at,
    t.by,
    t.origin,
    t.note,
    JSON.stringify(t.details),
  ])
  const { rows } = await db.query<TransitionRow>(INSERT_TRANSITIONS, columnsOf(transitions, 8))
  // Each alert's transitions in seq order are its writes in turn order.
  const trail = new Map<string, TransitionRow[]>()
  for (const r of rows.sort((x, y) => x.seq - y.seq)) {
    const held = trail.get(r.alert_id)
    if (held) held.push(r)
    else trail.set(r.alert_id, [r])
  }
  return writes.map((w) => ({
    alert: w.alert,
    transition: toTransition(trail.get(w.transition.alertId)?.shift() as TransitionRow),
  }))
}
