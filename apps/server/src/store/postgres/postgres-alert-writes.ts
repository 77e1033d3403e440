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
const UPDATE_ALERT = `
  UPDATE alerts SET severity = $2, active = $3, ack_by = $4, resolved_at = $5, silenced = $6,
    escalated_at = $7, critical_since = $8, doc = $9, version = version + 1
  WHERE id = $1`
const INSERT_ALERT = `
  INSERT INTO alerts (id, severity, active, ack_by, resolved_at, silenced, escalated_at, critical_since, doc,
    key, kind, subject_type, subject_id, raised_at, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1)`

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

/** Stores one alert write of a turn (insert or replace) with its transition, in the caller's transaction. */
export async function writeAlert(db: pg.ClientBase, w: AlertWrite): Promise<AlertChange> {
  const a = w.alert
  if (w.isNew) {
    await db.query(INSERT_ALERT, [
      a.id,
      ...columns(a, w.criticalSince),
      a.key,
      a.kind,
      a.subject.type,
      a.subject.id,
      a.raisedAt,
    ])
  } else if ((await db.query(UPDATE_ALERT, [a.id, ...columns(a, w.criticalSince)])).rowCount === 0) {
    throw new Error(`alert ${a.id} is not stored, so it cannot be changed`)
  }
  return { alert: a, transition: await addTransition(db, w.transition) }
}
