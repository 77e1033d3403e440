import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { AuditEntry, Observation } from '@ioc/domain'
import Database from 'better-sqlite3'
import {
  type SessionUserRow,
  type TokenRow,
  toSessionAndUser,
  toToken,
  toUser,
  type UserRow,
} from '../rows/account-rows'
import {
  type BucketRow,
  bucketPoints,
  readingPoints,
  TABLE,
  type TrafficRow,
  trafficFromRow,
  VALUE,
  type WaterRow,
  waterFromRow,
} from '../rows/observation-rows'
import type { HistoryQuery, InsertResult, NewAuditEntry, SessionRecord, Store, TokenRecord } from '../store'
import { migrate } from './migrations'
import { createSqliteAlertStore } from './sqlite-alert-store'
import { sqliteDeadLetters } from './sqlite-dead-letters'
import { sqliteIncidentStore } from './sqlite-incident-store'

type Key = [observedAt: number, subject: string, source: string]

/**
 * The embedded store: one SQLite file in WAL mode. `synchronous = FULL` makes every commit fsync the WAL,
 * so a batch acknowledged with 2xx survives a power cut, not only a process crash (NORMAL may lose the
 * last commits on power loss: https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  migrate(db)

  const insertTraffic = db.prepare(
    `INSERT INTO traffic (subject, observed_at, source, speed_kph, flow_vph, occupancy_pct)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  )
  const insertWater = db.prepare(
    'INSERT INTO water (subject, observed_at, source, value) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  )
  const insertBatch = db.transaction((batch: readonly Observation[]): InsertResult => {
    const stored: Observation[] = []
    for (const o of batch) {
      const at = Date.parse(o.observedAt)
      const changes =
        o.type === 'traffic'
          ? insertTraffic.run(
              o.segmentId,
              at,
              o.source,
              o.speedKph,
              o.flowVph ?? null,
              o.occupancyPct ?? null,
            ).changes
          : insertWater.run(o.stationId, at, o.source, o.value).changes
      if (changes) stored.push(o)
    }
    return { accepted: stored.length, duplicates: batch.length - stored.length, stored }
  })

  // A loose index scan: one B-tree seek per distinct subject instead of reading every row.
  const subjectsOf = (table: string) =>
    db
      .prepare(
        `WITH RECURSIVE s(x) AS (
           SELECT (SELECT MIN(subject) FROM ${table})
           UNION ALL SELECT (SELECT MIN(subject) FROM ${table} WHERE subject > s.x) FROM s WHERE s.x IS NOT NULL
         ) SELECT x FROM s WHERE x IS NOT NULL`,
      )
      .pluck()
  const trafficSubjects = subjectsOf('traffic')
  const waterSubjects = subjectsOf('water')
  const latestOf = (table: string) =>
    db.prepare(
      `SELECT * FROM ${table} WHERE subject = ? AND observed_at <= ?
       ORDER BY observed_at DESC, source DESC LIMIT 1`,
    )
  const latestTraffic = latestOf('traffic')
  const latestWater = latestOf('water')

  const pageOf = (table: string) =>
    db.prepare(
      `SELECT * FROM ${table}
       WHERE observed_at < ? AND (observed_at, subject, source) > (?, ?, ?)
       ORDER BY observed_at, subject, source LIMIT ?`,
    )
  const trafficPage = pageOf('traffic')
  const waterPage = pageOf('water')

  const statements = {
    countObservations: db
      .prepare('SELECT (SELECT COUNT(*) FROM traffic) + (SELECT COUNT(*) FROM water)')
      .pluck(),
    countUsers: db.prepare('SELECT COUNT(*) FROM users').pluck(),
    insertUser: db.prepare(
      'INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    findUser: db.prepare('SELECT name, role, password_hash, created_at FROM users WHERE name = ?'),
    deleteExpiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    insertSession: db.prepare(
      'INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)',
    ),
    findSession: db.prepare(
      `SELECT s.token_hash, s.user_name, s.created_at, s.expires_at, u.role, u.password_hash, u.created_at AS user_created_at
       FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = ? AND s.expires_at > ?`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    insertToken: db.prepare(
      'INSERT INTO tokens (token_hash, kind, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    findToken: db.prepare(
      'SELECT token_hash, kind, name, created_at FROM tokens WHERE token_hash = ? AND revoked_at IS NULL',
    ),
    revokeToken: db.prepare(
      'UPDATE tokens SET revoked_at = ? WHERE kind = ? AND name = ? AND revoked_at IS NULL',
    ),
    appendAudit: db.prepare(
      'INSERT INTO audit_log (at, actor, action, target, origin, reason) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    listAudit: db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?'),
    ping: db.prepare('SELECT 1').pluck(),
  }

  /** Reads one table in key order, a page at a time, so a range of any size takes bounded memory. */
  function* rowsInRange<R extends { observed_at: number; subject: string; source: string }>(
    page: Database.Statement,
    fromMs: number,
    toMs: number,
    pageSize: number,
  ): Generator<R> {
    // (fromMs - 1, '', '') sorts before every key at fromMs and after every key before it.
    let after: Key = [fromMs - 1, '', '']
    for (;;) {
      const rows = page.all(toMs, ...after, pageSize) as R[]
      yield* rows
      const last = rows.at(-1)
      if (!last || rows.length < pageSize) return
      after = [last.observed_at, last.subject, last.source]
    }
  }

  let closed = false
  return {
    ...createSqliteAlertStore(db, insertBatch),
    ...sqliteIncidentStore(db),
    ...sqliteDeadLetters(db),
    async insertObservations(batch) {
      return insertBatch(batch)
    },

    async latestObservations(atMs = Number.MAX_SAFE_INTEGER) {
      const out: Observation[] = []
      for (const s of trafficSubjects.all() as string[]) {
        const r = latestTraffic.get(s, atMs) as TrafficRow | undefined
        if (r) out.push(trafficFromRow(r))
      }
      for (const s of waterSubjects.all() as string[]) {
        const r = latestWater.get(s, atMs) as WaterRow | undefined
        if (r) out.push(waterFromRow(r))
      }
      return out
    },

    async history({ type, subjectId, fromMs, toMs, maxPoints }: HistoryQuery) {
      const table = TABLE[type]
      const value = VALUE[type]
      const where = 'subject = @subjectId AND observed_at >= @fromMs AND observed_at < @toMs'
      const params = { subjectId, fromMs, toMs }
      const count = db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`).pluck().get(params) as number
      if (count <= maxPoints) {
        const rows = db
          .prepare(
            `SELECT observed_at, ${value} AS v FROM ${table} WHERE ${where} ORDER BY observed_at, source`,
          )
          .all(params) as { observed_at: number; v: number }[]
        return { bucketMs: null, points: readingPoints(rows) }
      }
      const bucketMs = Math.ceil((toMs - fromMs) / maxPoints)
      // better-sqlite3 binds JS numbers as REAL; the casts keep the bucket number an integer division.
      const rows = db
        .prepare(
          `SELECT (observed_at - CAST(@fromMs AS INTEGER)) / CAST(@bucketMs AS INTEGER) AS b, AVG(${value}) AS mean, MIN(${value}) AS lo,
                  MAX(${value}) AS hi, COUNT(*) AS n
           FROM ${table} WHERE ${where} GROUP BY b ORDER BY b`,
        )
        .all({ ...params, bucketMs }) as BucketRow[]
      return { bucketMs, points: bucketPoints(rows, fromMs, bucketMs) }
    },

    async *observationsInRange(fromMs, toMs, pageSize = 5000) {
      const traffic = rowsInRange<TrafficRow>(trafficPage, fromMs, toMs, pageSize)
      const water = rowsInRange<WaterRow>(waterPage, fromMs, toMs, pageSize)
      let t = traffic.next()
      let w = water.next()
      let page: Observation[] = []
      while (!t.done || !w.done) {
        // Merge the two time-ordered streams; on equal times traffic comes first.
        if (!t.done && (w.done || t.value.observed_at <= w.value.observed_at)) {
          page.push(trafficFromRow(t.value))
          t = traffic.next()
        } else if (!w.done) {
          page.push(waterFromRow(w.value))
          w = water.next()
        }
        if (page.length === pageSize) {
          yield page
          page = []
        }
      }
      if (page.length) yield page
    },

    async countObservations() {
      return statements.countObservations.get() as number
    },

    async countUsers() {
      return statements.countUsers.get() as number
    },

    async createUser(u) {
      return statements.insertUser.run(u.name, u.role, u.passwordHash, u.createdAt).changes === 1
    },

    async findUser(name) {
      const r = statements.findUser.get(name) as UserRow | undefined
      return r ? toUser(r) : null
    },

    async createSession(s: SessionRecord) {
      statements.deleteExpiredSessions.run(s.createdAt)
      statements.insertSession.run(s.tokenHash, s.userName, s.createdAt, s.expiresAt)
    },

    async findSession(tokenHash, nowMs) {
      const r = statements.findSession.get(tokenHash, nowMs) as SessionUserRow | undefined
      return r ? toSessionAndUser(r) : null
    },

    async deleteSession(tokenHash) {
      statements.deleteSession.run(tokenHash)
    },

    async createToken(t: TokenRecord) {
      // DO NOTHING without a target also covers the partial unique index on active (kind, name).
      return statements.insertToken.run(t.tokenHash, t.kind, t.name, t.createdAt).changes === 1
    },

    async findToken(tokenHash) {
      const r = statements.findToken.get(tokenHash) as TokenRow | undefined
      return r ? toToken(r) : null
    },

    async revokeToken(kind, name, atMs) {
      return statements.revokeToken.run(atMs, kind, name).changes > 0
    },

    async appendAudit(e: NewAuditEntry) {
      statements.appendAudit.run(e.at, e.actor, e.action, e.target, e.origin, e.reason)
    },

    async listAudit({ limit, beforeId = Number.MAX_SAFE_INTEGER }) {
      return statements.listAudit.all(beforeId, limit) as AuditEntry[]
    },

    async ping() {
      statements.ping.get()
    },

    async close() {
      if (closed) return
      closed = true
      db.close()
    },
  }
}
