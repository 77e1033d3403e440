import { randomUUID } from 'node:crypto'
import type { RulesStatePatch, Turn } from '@ioc/alerts'
import type { Alert, AlertQuery, Observation, UserSummary } from '@ioc/domain'
import type pg from 'pg'
import type { AlertStore, TurnResult } from '../alert-store'
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
import { addTransition, writeAlerts } from './postgres-alert-writes'
import { insertObservationsIn, STAGE_OBSERVATIONS } from './postgres-observations'
import { postgresPartitionCheckpoints } from './postgres-partition-checkpoints'
import type { RollupFolder } from './postgres-rollup-fold'

/** Bounds one answer of `GET /alerts`; the queue of a city is far smaller. */
const MAX_LISTED = 5000

/**
 * Every lifecycle commit of every instance (a turn, a silence) locks the one row of `rules_version`
 * to its commit, so they are serialized across the cluster in commit order. A row lock, not an
 * advisory lock: it is the schema's own (deployments sharing a database do not queue for each other),
 * and a turn takes it and moves the version on in one statement. In READ COMMITTED a waiting UPDATE or
 * FOR UPDATE reads the row as the holder committed it.
 */
const TURN_LOCK = 'UPDATE rules_version SET version = version + 1 RETURNING version'
const SILENCE_LOCK = 'SELECT version FROM rules_version FOR UPDATE'

/**
 * Thrown, before anything is written, when another instance committed a turn or a silence since this
 * one last loaded or wrote the lifecycle's state: the caller's engine or alert book is behind and must
 * reload (`loadRulesState`, `loadAlertBook`) and run the step again.
 */
export class StaleRulesStateError extends Error {
  override name = 'StaleRulesStateError'
}

type AlertRow = StoredAlertRow<Alert>

/**
 * The time of each stored segment state's newest reading and the sources stored at it: two seeks into
 * the primary key (subject, observed_at, source) per segment.
 */
const LATEST_SEGMENT_READINGS = `
  SELECT r.id, m.at, ARRAY(
    SELECT t.source FROM traffic t WHERE t.subject = r.id COLLATE "C" AND t.observed_at = m.at ORDER BY t.source
  ) AS sources
  FROM rules_state r CROSS JOIN LATERAL (SELECT MAX(observed_at) AS at FROM traffic WHERE subject = r.id COLLATE "C") m
  WHERE r.scope = 'segment' AND m.at IS NOT NULL`

/**
 * The alert part of the PostgreSQL store. Across instances every commit that changes what the lifecycle
 * step reads (the engine state, the alerts, the silences) takes the version's row lock and moves it
 * (`rules_version`) on, so an instance whose engine or alert book is behind learns it before writing
 * (StaleRulesStateError) instead of raising a second alert for a condition another instance already
 * raised, or acknowledging an alert another officer acknowledged meanwhile: it reloads and steps again.
 */
export function postgresAlerts(pool: pg.Pool, folder: RollupFolder): AlertStore {
  /** The lifecycle version this instance's engine reflects; null until it has loaded the state. */
  let engineSeen: number | null = null
  /** The lifecycle version this instance's alert book reflects; null until it has loaded the book. */
  let bookSeen: number | null = null
  /** The stored engine state (JSON text) as of `version`, so a reload reads only rows changed since. */
  const cache = {
    version: -1,
    meta: null as string | null,
    stations: new Map<string, string>(),
    segments: new Map<string, string>(),
  }

  /** The version TURN_LOCK or SILENCE_LOCK read. */
  function versionOf(rows: { version?: number }[]): number {
    const version = rows[0]?.version
    if (version === undefined) throw new Error('rules_version has no row')
    return version
  }

  async function saveState(db: pg.ClientBase, state: RulesStatePatch, version: number): Promise<void> {
    const scopes: string[] = ['meta']
    const ids: string[] = ['']
    const docs: string[] = [JSON.stringify(state.meta)]
    for (const [id, st] of Object.entries(state.stations)) {
      scopes.push('station')
      ids.push(id)
      docs.push(JSON.stringify(st))
    }
    for (const [id, st] of Object.entries(state.segments)) {
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
  }

  /** Locks the lifecycle in `db`'s transaction for a change other than a turn; the version stored now. */
  async function lockLifecycle(db: pg.ClientBase): Promise<number> {
    return versionOf((await db.query<{ version: number }>(SILENCE_LOCK)).rows)
  }

  /**
   * A silence changes what the step reads (a raise on its subject is stored silenced), so it moves the
   * version on like a turn; this instance's book takes the silence in, so what it reflected stays true.
   */
  async function changeSilence<T>(write: (db: pg.PoolClient) => Promise<T | null>): Promise<T | null> {
    let from = null as number | null
    const written = await inTransaction(pool, async (db) => {
      const current = await lockLifecycle(db)
      const w = await write(db)
      if (w === null) return null
      await db.query('UPDATE rules_version SET version = $1', [current + 1])
      from = current
      return w
    })
    if (from !== null) {
      if (engineSeen === from) engineSeen = from + 1
      if (bookSeen === from) bookSeen = from + 1
    }
    return written
  }

  /**
   * A turn in one transaction: the batch goes to PostgreSQL first, and the step runs while the server
   * inserts it (the insert does not depend on the step), then the step's alert writes and state.
   */
  async function persistStepped(observations: readonly Observation[], step: () => Turn): Promise<TurnResult> {
    let written = 0
    // The staging table, the lock and the version go with the BEGIN: one round trip.
    const result = await inTransaction<TurnResult, { version: number }>(
      pool,
      async (db, opened) => {
        written = versionOf(opened)
        const current = written - 1
        const behind = (seen: number | null) => seen !== null && seen !== current
        if (behind(engineSeen) || behind(bookSeen)) {
          throw new StaleRulesStateError(
            `lifecycle state v${current} was written by another instance (this one has engine v${engineSeen}, book v${bookSeen})`,
          )
        }
        const { meanwhile: stepped, ...inserted } = observations.length
          ? await insertObservationsIn(db, observations, true, step)
          : { accepted: 0, duplicates: 0, stored: [], meanwhile: step() }
        const changes = await writeAlerts(db, stepped.writes)
        if (stepped.state) await saveState(db, stepped.state, written)
        return { ...inserted, changes }
      },
      `${STAGE_OBSERVATIONS}; ${TURN_LOCK}`,
    )
    engineSeen = written
    bookSeen = written
    folder.queued(result.accepted)
    return result
  }

  return {
    // Segments that changed only by lastAtMs are not written: it is taken from the readings on load.
    derivesSegmentReadTimes: true,
    ...postgresPartitionCheckpoints(pool, lockLifecycle),

    persistTurn: (turn) => persistStepped(turn.observations, () => turn),
    persistSteppedTurn: persistStepped,

    async loadRulesState({ asWritten = false } = {}) {
      // One snapshot for the version, the rows and the readings, so they agree.
      const { version, rows, latest } = await inTransaction(pool, async (db) => {
        await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        const v = await db.query<{ version: number }>('SELECT version FROM rules_version')
        const changed = await db.query<{ scope: string; id: string; doc: string }>(
          'SELECT scope, id, doc FROM rules_state WHERE version > $1',
          [cache.version],
        )
        const read = asWritten
          ? { rows: [] }
          : await db.query<{ id: string; at: number; sources: string[] }>(LATEST_SEGMENT_READINGS)
        return { version: v.rows[0]?.version ?? 0, rows: changed.rows, latest: read.rows }
      })
      for (const r of rows) {
        if (r.scope === 'meta') cache.meta = r.doc
        else if (r.scope === 'station') cache.stations.set(r.id, r.doc)
        else if (r.scope === 'segment') cache.segments.set(r.id, r.doc)
      }
      cache.version = version
      engineSeen = version
      if (!cache.meta) return null
      // Parsed afresh on each load, so the engine never shares objects with the cache.
      const parsed = (m: Map<string, string>) =>
        Object.fromEntries([...m].map(([id, doc]) => [id, JSON.parse(doc)]))
      const segments = parsed(cache.segments)
      // A segment's row is rewritten only when its congestion state changes: when it was last read, and by
      // which sources (the engine's duplicate check), come from its newest stored readings.
      for (const { id, at, sources } of latest) {
        const doc = segments[id] as { lastAtMs: number | null } | undefined
        if (doc && (doc.lastAtMs === null || at >= doc.lastAtMs))
          segments[id] = { ...doc, lastAtMs: at, lastSources: sources }
      }
      return { ...JSON.parse(cache.meta), stations: parsed(cache.stations), segments }
    },

    async loadAlertBook(nowMs) {
      // One snapshot for the version, the alerts and the silences, so they agree.
      const { version, alerts, silences } = await inTransaction(pool, async (db) => {
        await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        const v = await db.query<{ version: number }>('SELECT version FROM rules_version')
        const live = await db.query<Omit<AlertRow, 'version'>>(
          'SELECT doc, critical_since FROM alerts WHERE resolved_at IS NULL OR active',
        )
        const s = await db.query<SilenceRow>(
          'SELECT * FROM silences WHERE cancelled_at IS NULL AND until > $1 ORDER BY created_at, id COLLATE "C"',
          [nowMs],
        )
        return { version: v.rows[0]?.version ?? 0, alerts: live.rows, silences: s.rows }
      })
      bookSeen = version
      return {
        entries: alerts.map((r) => ({ alert: r.doc, criticalSince: r.critical_since })),
        silences: silences.map(toSilence),
      }
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
      const created = await changeSilence(async (db) => {
        const { rows } = await db.query<SilenceRow>(
          `INSERT INTO silences (id, subject_type, subject_id, reason, created_by, created_at, until, cancelled_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, NULL) RETURNING *`,
          [randomUUID(), n.subject.type, n.subject.id, n.reason, by, atMs, n.until],
        )
        return toSilence(rows[0] as SilenceRow)
      })
      if (!created) throw new Error('the new silence was not stored')
      return created
    },

    async listSilences(nowMs) {
      const { rows } = await pool.query<SilenceRow>(
        'SELECT * FROM silences WHERE cancelled_at IS NULL AND until > $1 ORDER BY created_at, id COLLATE "C"',
        [nowMs],
      )
      return rows.map(toSilence)
    },

    cancelSilence(id, atMs) {
      return changeSilence(async (db) => {
        const { rows } = await db.query<SilenceRow>(
          'UPDATE silences SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL AND until > $1 RETURNING *',
          [atMs, id],
        )
        return rows[0] ? toSilence(rows[0]) : null
      })
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
