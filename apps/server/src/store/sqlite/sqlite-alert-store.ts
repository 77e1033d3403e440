import { randomUUID } from 'node:crypto'
import type { AlertWrite, RulesStatePatch, Turn } from '@ioc/alerts'
import type { Alert, AlertQuery, AlertTransition, Observation, UserSummary } from '@ioc/domain'
import type Database from 'better-sqlite3'
import type { AlertChange, AlertStore } from '../alert-store'
import {
  type AlertRow,
  countAlertsByState,
  type DeliveryRow,
  type SilenceRow,
  type TransitionRow,
  toDelivery,
  toSilence,
  toTransition,
} from '../rows/alert-rows'
import type { InsertResult } from '../store'
import type { LatestReading } from './sqlite-observations'
import { sqlitePartitionCheckpoints } from './sqlite-partition-checkpoints'

/** Bounds one answer of `GET /alerts`; the queue of a city is far smaller. */
const MAX_LISTED = 5000

/**
 * The alert part of the SQLite store, on the store's connection; `insertBatch` is its observation insert
 * and `latestTraffic` the time and sources of each segment's latest stored reading.
 */
export function createSqliteAlertStore(
  db: Database.Database,
  insertBatch: (batch: readonly Observation[]) => InsertResult,
  latestTraffic: () => Map<string, LatestReading>,
): AlertStore {
  const s = {
    // The alert book: everything the lifecycle may still change (unresolved, or still active).
    live: db.prepare('SELECT doc, critical_since FROM alerts WHERE resolved_at IS NULL OR active = 1'),
    byId: db.prepare('SELECT doc FROM alerts WHERE id = ?').pluck(),
    insertAlert: db.prepare(
      `INSERT INTO alerts (id, key, kind, subject_type, subject_id, severity, raised_at, active, ack_by,
         resolved_at, silenced, escalated_at, critical_since, version, doc)
       VALUES (@id, @key, @kind, @subjectType, @subjectId, @severity, @raisedAt, @active, @ackBy,
         @resolvedAt, @silenced, @escalatedAt, @criticalSince, 1, @doc)`,
    ),
    updateAlert: db.prepare(
      `UPDATE alerts SET severity = @severity, active = @active, ack_by = @ackBy, resolved_at = @resolvedAt,
         silenced = @silenced, escalated_at = @escalatedAt, critical_since = @criticalSince,
         version = version + 1, doc = @doc
       WHERE id = @id`,
    ),
    insertTransition: db.prepare(
      `INSERT INTO alert_transitions (alert_id, seq, action, at, by, origin, note, details)
       VALUES (@alertId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM alert_transitions WHERE alert_id = @alertId),
         @action, @at, @by, @origin, @note, @details)
       RETURNING *`,
    ),
    transitions: db.prepare('SELECT * FROM alert_transitions WHERE alert_id = ? ORDER BY seq'),
    upsertState: db.prepare(
      'INSERT INTO rules_state (scope, id, doc) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET doc = excluded.doc',
    ),
    allState: db.prepare('SELECT scope, id, doc FROM rules_state'),
    counts: db.prepare('SELECT doc FROM alerts WHERE resolved_at IS NULL OR resolved_at >= ?'),
    insertSilence: db.prepare(
      `INSERT INTO silences (id, subject_type, subject_id, reason, created_by, created_at, until, cancelled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL) RETURNING *`,
    ),
    liveSilences: db.prepare(
      'SELECT * FROM silences WHERE cancelled_at IS NULL AND until > ? ORDER BY created_at, id',
    ),
    cancelSilence: db.prepare(
      'UPDATE silences SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL AND until > ? RETURNING *',
    ),
    insertDelivery: db.prepare(
      `INSERT INTO webhook_deliveries (alert_id, url, reason, attempt, at, status, ok, error, duration_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    ),
    deliveries: db.prepare('SELECT * FROM webhook_deliveries WHERE alert_id = ? ORDER BY id'),
    users: db.prepare('SELECT name, role FROM users ORDER BY name'),
  }

  function columns(a: Alert, criticalSince: number | null) {
    return {
      id: a.id,
      severity: a.severity,
      active: a.active ? 1 : 0,
      ackBy: a.ack?.by ?? null,
      resolvedAt: a.resolution?.at ?? null,
      silenced: a.silenced ? 1 : 0,
      escalatedAt: a.escalatedAt,
      criticalSince,
      doc: JSON.stringify(a),
    }
  }

  function addTransition(t: Omit<AlertTransition, 'seq'>): AlertTransition {
    const row = s.insertTransition.get({ ...t, details: JSON.stringify(t.details) }) as TransitionRow
    return toTransition(row)
  }

  function writeAlert({ alert: a, criticalSince, isNew, transition }: AlertWrite): AlertChange {
    if (isNew) {
      s.insertAlert.run({
        ...columns(a, criticalSince),
        key: a.key,
        kind: a.kind,
        subjectType: a.subject.type,
        subjectId: a.subject.id,
        raisedAt: a.raisedAt,
      })
    } else if (s.updateAlert.run(columns(a, criticalSince)).changes === 0) {
      throw new Error(`alert ${a.id} is not stored, so it cannot be changed`)
    }
    return { alert: a, transition: addTransition(transition) }
  }

  function saveState({ meta, stations, segments }: RulesStatePatch): void {
    s.upsertState.run('meta', '', JSON.stringify(meta))
    for (const [id, st] of Object.entries(stations)) s.upsertState.run('station', id, JSON.stringify(st))
    for (const [id, st] of Object.entries(segments)) s.upsertState.run('segment', id, JSON.stringify(st))
  }

  const turnTxn = db.transaction((turn: Turn) => {
    const inserted: InsertResult = turn.observations.length
      ? insertBatch(turn.observations)
      : { accepted: 0, duplicates: 0, stored: [] }
    const changes = turn.writes.map(writeAlert)
    if (turn.state) saveState(turn.state)
    return { ...inserted, changes }
  })

  return {
    // Segments that changed only by lastAtMs are not written: it is taken from the readings on load.
    derivesSegmentReadTimes: true,
    ...sqlitePartitionCheckpoints(db, writeAlert),

    async persistTurn(turn) {
      return turnTxn(turn)
    },

    // One synchronous transaction: nothing to overlap the step with.
    async persistSteppedTurn(_observations, step) {
      return turnTxn(step())
    },

    async loadAlertBook(nowMs) {
      const entries = (s.live.all() as Omit<AlertRow<string>, 'version'>[]).map((r) => ({
        alert: JSON.parse(r.doc) as Alert,
        criticalSince: r.critical_since,
      }))
      return { entries, silences: (s.liveSilences.all(nowMs) as SilenceRow[]).map(toSilence) }
    },

    async loadRulesState({ asWritten = false } = {}) {
      const rows = s.allState.all() as { scope: string; id: string; doc: string }[]
      const meta = rows.find((r) => r.scope === 'meta')
      if (!meta) return null
      const state: Record<string, unknown> = { ...JSON.parse(meta.doc), stations: {}, segments: {} }
      const latest = asWritten ? new Map<string, { atMs: number; sources: string[] }>() : latestTraffic()
      for (const r of rows) {
        if (r.scope === 'station') (state.stations as Record<string, unknown>)[r.id] = JSON.parse(r.doc)
        if (r.scope !== 'segment') continue
        // A segment's row is rewritten only when its congestion state changes: when it was last read, and
        // by which sources (the engine's duplicate check), come from the newest stored readings.
        const doc = JSON.parse(r.doc) as { lastAtMs: number | null; lastSources?: string[] }
        const read = latest.get(r.id)
        const newer = read !== undefined && (doc.lastAtMs === null || read.atMs >= doc.lastAtMs)
        ;(state.segments as Record<string, unknown>)[r.id] = newer
          ? { ...doc, lastAtMs: read.atMs, lastSources: read.sources }
          : doc
      }
      return state
    },

    async listAlerts(q: AlertQuery) {
      const where: string[] = []
      const params: Record<string, unknown> = {}
      if (q.state === 'open') where.push('resolved_at IS NULL')
      if (q.state === 'active') where.push('resolved_at IS NULL AND active = 1')
      if (q.state === 'cleared') where.push('resolved_at IS NULL AND active = 0')
      if (q.state === 'resolved') where.push('resolved_at IS NOT NULL')
      if (q.severity) {
        where.push('severity = @severity')
        params.severity = q.severity
      }
      if (q.kind) {
        where.push('kind = @kind')
        params.kind = q.kind
      }
      if (q.from !== undefined) {
        where.push('raised_at >= @from')
        params.from = q.from
      }
      if (q.to !== undefined) {
        where.push('raised_at < @to')
        params.to = q.to
      }
      const sql = `SELECT doc FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY raised_at DESC, id LIMIT ${MAX_LISTED}`
      return (db.prepare(sql).pluck().all(params) as string[]).map((d) => JSON.parse(d) as Alert)
    },

    async getAlert(id) {
      const doc = s.byId.get(id) as string | undefined
      return doc ? (JSON.parse(doc) as Alert) : null
    },

    async listTransitions(alertId) {
      return (s.transitions.all(alertId) as TransitionRow[]).map(toTransition)
    },

    async appendTransition(t) {
      return addTransition(t)
    },

    async countAlerts() {
      // Resolved alerts are counted for a day; older ones are history, not operations.
      const docs = s.counts.pluck().all(Date.now() - 24 * 3600_000) as string[]
      return countAlertsByState(docs.map((d) => JSON.parse(d) as Alert))
    },

    async createSilence(n, by, atMs) {
      const row = s.insertSilence.get(randomUUID(), n.subject.type, n.subject.id, n.reason, by, atMs, n.until)
      return toSilence(row as SilenceRow)
    },

    async listSilences(nowMs) {
      return (s.liveSilences.all(nowMs) as SilenceRow[]).map(toSilence)
    },

    async cancelSilence(id, atMs) {
      const row = s.cancelSilence.get(atMs, id, atMs) as SilenceRow | undefined
      return row ? toSilence(row) : null
    },

    async recordDelivery(d) {
      const row = s.insertDelivery.get(
        d.alertId,
        d.url,
        d.reason,
        d.attempt,
        d.at,
        d.status,
        d.ok ? 1 : 0,
        d.error,
        d.durationMs,
      )
      return toDelivery(row as DeliveryRow)
    },

    async listDeliveries(alertId) {
      return (s.deliveries.all(alertId) as DeliveryRow[]).map(toDelivery)
    },

    async listUsers(roles) {
      const all = s.users.all() as UserSummary[]
      return roles ? all.filter((u) => roles.includes(u.role)) : all
    },
  }
}
