import { randomUUID } from 'node:crypto'
import {
  actionTransition,
  applyOfficerAction,
  type EngineOutput,
  engineOutputReads,
  engineTransition,
  escalateAlert,
  nextCriticalSince,
  planEngineOutput,
} from '@ioc/alerts'
import { type Alert, type AlertQuery, type AlertTransition, ok, type UserSummary } from '@ioc/domain'
import type pg from 'pg'
import type { AlertChange, AlertStore } from '../alert-store'
import {
  countAlertsByState,
  type DeliveryRow,
  type SilenceRow,
  type AlertRow as StoredAlertRow,
  type TransitionRow,
  toDelivery,
  toSilence,
  toTransition,
} from '../rows/alert-rows'
import { inTransaction } from './pg-pool'
import { insertObservationsIn } from './postgres-observations'

/** Bounds one answer of `GET /alerts`; the queue of a city is far smaller. */
const MAX_LISTED = 5000

/**
 * Every engine commit of every instance takes this transaction-scoped advisory lock, so engine runs
 * are serialized across the cluster in commit order (the number is arbitrary, fixed for this use).
 */
const ENGINE_LOCK = 0x10c_a1e7

/**
 * Thrown, before anything is written, when another instance committed engine state since this one last
 * loaded or wrote it: the caller's engine is behind and must reload (`loadRulesState`) and run again.
 */
export class StaleRulesStateError extends Error {
  override name = 'StaleRulesStateError'
}

type AlertRow = StoredAlertRow<Alert>

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

async function addTransition(db: pg.ClientBase, t: Omit<AlertTransition, 'seq'>): Promise<AlertTransition> {
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

/**
 * The alert part of the PostgreSQL store. Across instances: engine commits serialize on an advisory
 * lock and carry a version of the engine state, so an instance whose engine is behind learns it before
 * writing (StaleRulesStateError) instead of raising a second alert for a condition another instance
 * already raised; duty officers' actions lock the alert row, so of two concurrent acknowledgements one
 * wins and the other is told who won.
 */
export function postgresAlerts(pool: pg.Pool): AlertStore {
  /** The engine-state version this instance's engine reflects; null until it has loaded the state. */
  let seenVersion: number | null = null
  /** The stored engine state (JSON text) as of `version`, so a reload reads only rows changed since. */
  const cache = {
    version: -1,
    meta: null as string | null,
    stations: new Map<string, string>(),
    segments: new Map<string, string>(),
  }

  async function applyEngineOutput(
    db: pg.ClientBase,
    out: EngineOutput,
    nowMs: number,
  ): Promise<AlertChange[]> {
    if (!out.events.length) return []
    const { keys, subjects } = engineOutputReads(out.events)
    const { rows } = await db.query<AlertRow>(
      'SELECT doc, version, critical_since FROM alerts WHERE key = ANY($1) AND active FOR UPDATE',
      [keys],
    )
    const silencedRows = await db.query<{ subject: string }>(
      `SELECT DISTINCT subject_type || ':' || subject_id AS subject FROM silences
       WHERE subject_type || ':' || subject_id = ANY($1) AND cancelled_at IS NULL
       AND created_at <= $2 AND until > $2`,
      [subjects, nowMs],
    )
    const stored = new Map(rows.map((r) => [r.doc.id, r.critical_since]))
    const writes = planEngineOutput(
      out.events,
      rows.map((r) => r.doc),
      new Set(silencedRows.rows.map((r) => r.subject)),
      randomUUID,
    )
    const changes: AlertChange[] = []
    for (const w of writes) {
      const a = w.alert
      const criticalSince = nextCriticalSince(a, stored.get(a.id) ?? null, nowMs)
      if (stored.has(a.id)) {
        await db.query(UPDATE_ALERT, [a.id, ...columns(a, criticalSince)])
      } else {
        await db.query(INSERT_ALERT, [
          a.id,
          ...columns(a, criticalSince),
          a.key,
          a.kind,
          a.subject.type,
          a.subject.id,
          a.raisedAt,
        ])
      }
      stored.set(a.id, criticalSince)
      changes.push({ alert: a, transition: await addTransition(db, engineTransition(w)) })
    }
    return changes
  }

  /** Takes the engine lock and checks this instance's engine is current; returns the next version. */
  async function lockEngine(db: pg.ClientBase): Promise<number> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [ENGINE_LOCK])
    const { rows } = await db.query<{ version: number }>('SELECT version FROM rules_version')
    const current = rows[0]?.version ?? 0
    if (seenVersion !== null && current !== seenVersion) {
      throw new StaleRulesStateError(
        `engine state v${current} was written by another instance (this one has v${seenVersion})`,
      )
    }
    return current + 1
  }

  async function saveState(db: pg.ClientBase, out: EngineOutput, version: number): Promise<void> {
    const scopes: string[] = ['meta']
    const ids: string[] = ['']
    const docs: string[] = [JSON.stringify(out.state.meta)]
    for (const [id, st] of Object.entries(out.state.stations)) {
      scopes.push('station')
      ids.push(id)
      docs.push(JSON.stringify(st))
    }
    for (const [id, st] of Object.entries(out.state.segments)) {
      scopes.push('segment')
      ids.push(id)
      docs.push(JSON.stringify(st))
    }
    await db.query(
      `INSERT INTO rules_state (scope, id, doc, version)
       SELECT s, i, d, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(s, i, d)
       ON CONFLICT (scope, id) DO UPDATE SET doc = excluded.doc, version = excluded.version`,
      [scopes, ids, docs, version],
    )
    await db.query('UPDATE rules_version SET version = $1', [version])
  }

  /** One engine commit: lock, check, write, and remember the version written. */
  async function commitEngine<T>(
    work: (db: pg.PoolClient) => Promise<{ out: EngineOutput; result: T }>,
    nowMs: number,
  ) {
    let written = 0
    const r = await inTransaction(pool, async (db) => {
      written = await lockEngine(db)
      const { out, result } = await work(db)
      const changes = await applyEngineOutput(db, out, nowMs)
      await saveState(db, out, written)
      return { result, changes }
    })
    seenVersion = written
    return r
  }

  return {
    // Instances reload each other's changed rows, so a segment's reading time travels in its row.
    derivesSegmentReadTimes: false,

    async insertObservationsWithAlerts(batch, derive, nowMs) {
      const { result, changes } = await commitEngine(async (db) => {
        const inserted = await insertObservationsIn(db, batch)
        return { out: derive(inserted.stored), result: inserted }
      }, nowMs)
      return { ...result, changes }
    },

    async commitEngineOutput(output, nowMs) {
      return (await commitEngine(async () => ({ out: output, result: null }), nowMs)).changes
    },

    async loadRulesState() {
      // One snapshot for the version and the rows, so they agree.
      const { version, rows } = await inTransaction(pool, async (db) => {
        await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        const v = await db.query<{ version: number }>('SELECT version FROM rules_version')
        const changed = await db.query<{ scope: string; id: string; doc: string }>(
          'SELECT scope, id, doc FROM rules_state WHERE version > $1',
          [cache.version],
        )
        return { version: v.rows[0]?.version ?? 0, rows: changed.rows }
      })
      for (const r of rows) {
        if (r.scope === 'meta') cache.meta = r.doc
        else if (r.scope === 'station') cache.stations.set(r.id, r.doc)
        else if (r.scope === 'segment') cache.segments.set(r.id, r.doc)
      }
      cache.version = version
      seenVersion = version
      if (!cache.meta) return null
      // Parsed afresh on each load, so the engine never shares objects with the cache.
      const parsed = (m: Map<string, string>) =>
        Object.fromEntries([...m].map(([id, doc]) => [id, JSON.parse(doc)]))
      return { ...JSON.parse(cache.meta), stations: parsed(cache.stations), segments: parsed(cache.segments) }
    },

    async listAlerts(q: AlertQuery) {
      const where: string[] = []
      const params: unknown[] = []
      const param = (v: unknown) => {
        params.push(v)
        return `$${params.length}`
      }
      if (q.state === 'open') where.push('resolved_at IS NULL')
      if (q.state === 'active') where.push('resolved_at IS NULL AND active')
      if (q.state === 'cleared') where.push('resolved_at IS NULL AND NOT active')
      if (q.state === 'resolved') where.push('resolved_at IS NOT NULL')
      if (q.severity) where.push(`severity = ${param(q.severity)}`)
      if (q.kind) where.push(`kind = ${param(q.kind)}`)
      if (q.from !== undefined) where.push(`raised_at >= ${param(q.from)}`)
      if (q.to !== undefined) where.push(`raised_at < ${param(q.to)}`)
      const { rows } = await pool.query<{ doc: Alert }>(
        `SELECT doc FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY raised_at DESC, id COLLATE "C" LIMIT ${MAX_LISTED}`,
        params,
      )
      return rows.map((r) => r.doc)
    },

    async getAlert(id) {
      const { rows } = await pool.query<{ doc: Alert }>('SELECT doc FROM alerts WHERE id = $1', [id])
      return rows[0]?.doc ?? null
    },

    async listTransitions(alertId) {
      const { rows } = await pool.query<TransitionRow>(
        'SELECT * FROM alert_transitions WHERE alert_id = $1 ORDER BY seq',
        [alertId],
      )
      return rows.map(toTransition)
    },

    actOnAlert(id, action, by, atMs, origin) {
      return inTransaction(pool, async (db) => {
        // The row lock makes the database decide a race between instances: the second action waits,
        // then reads the alert as the first left it and is refused with who got there first.
        const { rows } = await db.query<AlertRow>(
          'SELECT doc, version, critical_since FROM alerts WHERE id = $1 FOR UPDATE',
          [id],
        )
        const row = rows[0]
        if (!row) return { ok: false as const, error: { code: 'not_found' as const } }
        const applied = applyOfficerAction(row.doc, action, by, atMs)
        if (!applied.ok) return applied
        await db.query(UPDATE_ALERT, [id, ...columns(applied.value, row.critical_since)])
        const transition = await addTransition(db, actionTransition(applied.value, action, by, atMs, origin))
        return ok({ alert: applied.value, transition })
      })
    },

    escalateDue(beforeMs, atMs) {
      return inTransaction(pool, async (db) => {
        // FOR UPDATE re-checks the conditions on rows an acknowledgement changed meanwhile.
        const { rows } = await db.query<AlertRow>(
          `SELECT doc, version, critical_since FROM alerts WHERE resolved_at IS NULL AND ack_by IS NULL
           AND NOT silenced AND escalated_at IS NULL AND critical_since <= $1 FOR UPDATE`,
          [beforeMs],
        )
        const changes: AlertChange[] = []
        for (const row of rows) {
          const escalated = escalateAlert(row.doc, atMs, row.critical_since)
          await db.query(UPDATE_ALERT, [escalated.alert.id, ...columns(escalated.alert, row.critical_since)])
          changes.push({ alert: escalated.alert, transition: await addTransition(db, escalated.transition) })
        }
        return changes
      })
    },

    appendTransition(t) {
      return inTransaction(pool, async (db) => {
        await db.query('SELECT 1 FROM alerts WHERE id = $1 FOR UPDATE', [t.alertId])
        return addTransition(db, t)
      })
    },

    async countAlerts() {
      // Resolved alerts are counted for a day; older ones are history, not operations.
      const { rows } = await pool.query<{ doc: Alert }>(
        'SELECT doc FROM alerts WHERE resolved_at IS NULL OR resolved_at >= $1',
        [Date.now() - 24 * 3600_000],
      )
      return countAlertsByState(rows.map((r) => r.doc))
    },

    async createSilence(n, by, atMs) {
      const { rows } = await pool.query<SilenceRow>(
        `INSERT INTO silences (id, subject_type, subject_id, reason, created_by, created_at, until, cancelled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL) RETURNING *`,
        [randomUUID(), n.subject.type, n.subject.id, n.reason, by, atMs, n.until],
      )
      return toSilence(rows[0] as SilenceRow)
    },

    async listSilences(nowMs) {
      const { rows } = await pool.query<SilenceRow>(
        'SELECT * FROM silences WHERE cancelled_at IS NULL AND until > $1 ORDER BY created_at, id COLLATE "C"',
        [nowMs],
      )
      return rows.map(toSilence)
    },

    async cancelSilence(id, atMs) {
      const { rows } = await pool.query<SilenceRow>(
        'UPDATE silences SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL AND until > $1 RETURNING *',
        [atMs, id],
      )
      return rows[0] ? toSilence(rows[0]) : null
    },

    async recordDelivery(d) {
      const { rows } = await pool.query<DeliveryRow>(
        `INSERT INTO webhook_deliveries (alert_id, url, reason, attempt, at, status, ok, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [d.alertId, d.url, d.reason, d.attempt, d.at, d.status, d.ok, d.error, d.durationMs],
      )
      return toDelivery(rows[0] as DeliveryRow)
    },

    async listDeliveries(alertId) {
      const { rows } = await pool.query<DeliveryRow>(
        'SELECT * FROM webhook_deliveries WHERE alert_id = $1 ORDER BY id',
        [alertId],
      )
      return rows.map(toDelivery)
    },

    async listUsers(roles) {
      const { rows } = await pool.query<UserSummary>('SELECT name, role FROM users ORDER BY name COLLATE "C"')
      return roles ? rows.filter((u) => roles.includes(u.role)) : rows
    },
  }
}
