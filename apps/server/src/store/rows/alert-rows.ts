import { type Alert, type AlertTransition, alertState, type Silence, type WebhookDelivery } from '@ioc/domain'

// SQLite returns JSON columns as text and booleans as 0/1; PostgreSQL returns jsonb as objects and real
// booleans. The row types admit both, and each mapping below decodes either.

/** The columns of `alerts` a store reads back; `Doc` is JSON text (SQLite) or the jsonb object. */
export interface AlertRow<Doc extends string | Alert> {
  doc: Doc
  version: number
  critical_since: number | null
}
export interface TransitionRow {
  alert_id: string
  seq: number
  action: AlertTransition['action']
  at: number
  by: string
  origin: string
  note: string
  details: string | Record<string, unknown>
}
export interface SilenceRow {
  id: string
  subject_type: 'station' | 'segment'
  subject_id: string
  reason: string
  created_by: string
  created_at: number
  until: number
  cancelled_at: number | null
}
export interface DeliveryRow {
  id: number
  alert_id: string
  url: string
  reason: WebhookDelivery['reason']
  attempt: number
  at: number
  status: number | null
  ok: number | boolean
  error: string | null
  duration_ms: number
}

export const toTransition = (r: TransitionRow): AlertTransition => ({
  alertId: r.alert_id,
  seq: r.seq,
  action: r.action,
  at: r.at,
  by: r.by,
  origin: r.origin,
  note: r.note,
  details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
})
export const toSilence = (r: SilenceRow): Silence => ({
  id: r.id,
  subject: { type: r.subject_type, id: r.subject_id },
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  until: r.until,
  cancelledAt: r.cancelled_at,
})
export const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  alertId: r.alert_id,
  url: r.url,
  reason: r.reason,
  attempt: r.attempt,
  at: r.at,
  status: r.status,
  ok: r.ok === true || r.ok === 1,
  error: r.error,
  durationMs: r.duration_ms,
})

/** Alert counts by kind, severity and state, the answer of `countAlerts`. */
export function countAlertsByState(alerts: Iterable<Alert>) {
  const counts = new Map<string, number>()
  for (const a of alerts) {
    const k = `${a.kind}\u0000${a.severity}\u0000${alertState(a)}`
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return [...counts].map(([k, count]) => {
    const [kind = '', severity = '', state = ''] = k.split('\u0000')
    return { kind, severity, state, count }
  })
}
