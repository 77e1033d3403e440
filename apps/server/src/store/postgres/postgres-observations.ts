import type { Observation } from '@ioc/domain'
import type pg from 'pg'
import type { HistoryStore } from '../history-store'
import { readHistory } from '../read-history'
import { type TrafficRow, trafficFromRow, type WaterRow, waterFromRow } from '../rows/observation-rows'
import type { HistoryQuery, InsertResult, Store } from '../store'
import { copyRows } from './copy-rows'
import { inTransaction } from './pg-pool'
import { queueForRollups, type RollupFolder } from './postgres-rollup-fold'
import { postgresRollups } from './postgres-rollups'

type Row = TrafficRow | WaterRow

/** The idempotency key of an observation, as a string. */
const keyOf = (type: string, subject: string, observedAt: number, source: string) =>
  `${type}\u0000${subject}\u0000${observedAt}\u0000${source}`

// A batch is streamed with COPY into a staging table of the session, then moved by plain inserts that
// also queue it for the rollups (FRESH), or, when some of it is stored already, by one INSERT … SELECT
// per table with the idempotency key's conflict rule, in one statement that also queues the new rows
// for the rollups (postgres-rollup-fold.ts). ON COMMIT DELETE ROWS empties the staging table at every
// commit; IF NOT EXISTS makes it once per connection. COPY measured 0–11 % faster than one INSERT …
// SELECT unnest() of column arrays (5,000-row batches, docs/architecture.md). Both kinds share the one
// staging table, so a batch is three round trips whatever it holds: each is a wake-up of the server
// process, which a loaded machine makes wait for a core.
export const STAGE_OBSERVATIONS = `CREATE TEMP TABLE IF NOT EXISTS observations_in (type TEXT, subject TEXT COLLATE "C",
  observed_at BIGINT, source TEXT COLLATE "C", v DOUBLE PRECISION, flow_vph DOUBLE PRECISION,
  occupancy_pct DOUBLE PRECISION) ON COMMIT DELETE ROWS`
const COPIED = queueForRollups({
  traffic: `INSERT INTO traffic (subject, observed_at, source, speed_kph, flow_vph, occupancy_pct)
    SELECT subject, observed_at, source, v, flow_vph, occupancy_pct FROM observations_in WHERE type = 'traffic'
    ON CONFLICT DO NOTHING RETURNING subject, observed_at, source, speed_kph AS v`,
  water: `INSERT INTO water (subject, observed_at, source, value)
    SELECT subject, observed_at, source, v FROM observations_in WHERE type = 'water'
    ON CONFLICT DO NOTHING RETURNING subject, observed_at, source, value AS v`,
})

// The common case, a batch of readings none of which is stored yet, as plain inserts: no conflict
// check per row, no keys sent back (a third of the insert's cost, docs/scaling-out.md). Parameterless,
// so one simple query of several statements; a unique violation (a retry, an item twice in the batch,
// another transaction storing the same reading) rolls back to the savepoint and takes COPIED instead.
const FRESH = `SAVEPOINT fresh_batch;
  INSERT INTO traffic (subject, observed_at, source, speed_kph, flow_vph, occupancy_pct)
    SELECT subject, observed_at, source, v, flow_vph, occupancy_pct FROM observations_in WHERE type = 'traffic';
  INSERT INTO water (subject, observed_at, source, value)
    SELECT subject, observed_at, source, v FROM observations_in WHERE type = 'water';
  INSERT INTO rollups_pending (type, subject, observed_at, source, v)
    SELECT type, subject, observed_at, source, v FROM observations_in;
  RELEASE SAVEPOINT fresh_batch`
const UNIQUE_VIOLATION = '23505'

type KeyRow = { type: Observation['type']; subject: string; observed_at: number; source: string }
type Field = string | number | null

/**
 * Writes a batch inside the caller's transaction; returns the observations that were new, in batch
 * order. `staged`: the caller ran STAGE_OBSERVATIONS in this transaction already. `meanwhile` runs
 * once, while the server inserts the batch (a turn's engine step, which does not depend on it), and
 * what it returns comes back with the result; if it throws, nothing more is sent.
 */
export async function insertObservationsIn<T = undefined>(
  db: pg.ClientBase,
  batch: readonly Observation[],
  staged = false,
  meanwhile: () => T = () => undefined as T,
): Promise<InsertResult & { meanwhile: T }> {
  const rows: Field[][] = batch.map((o) => {
    const at = Date.parse(o.observedAt)
    return o.type === 'traffic'
      ? ['traffic', o.segmentId, at, o.source, o.speedKph, o.flowVph ?? null, o.occupancyPct ?? null]
      : ['water', o.stationId, at, o.source, o.value, null, null]
  })
  if (!staged) await db.query(STAGE_OBSERVATIONS)
  await copyRows(db, 'observations_in', rows)
  const fresh = db.query(FRESH).then(
    () => true,
    (err: { code?: string }) => {
      if (err.code !== UNIQUE_VIOLATION) throw err
      return false
    },
  )
  let ran: T
  try {
    ran = meanwhile()
  } catch (err) {
    await fresh.catch(() => {})
    throw err
  }
  if (await fresh) return { accepted: batch.length, duplicates: 0, stored: [...batch], meanwhile: ran }
  await db.query('ROLLBACK TO SAVEPOINT fresh_batch')
  const inserted = new Set<string>()
  for (const k of (await db.query<KeyRow>(COPIED)).rows)
    inserted.add(keyOf(k.type, k.subject, k.observed_at, k.source))
  const stored: Observation[] = []
  for (const [i, o] of batch.entries()) {
    const row = rows[i] as Field[]
    // delete: an item repeated within the batch is stored (and reported) once.
    if (inserted.delete(keyOf(o.type, row[1] as string, row[2] as number, o.source))) stored.push(o)
  }
  return { accepted: stored.length, duplicates: batch.length - stored.length, stored, meanwhile: ran }
}

// A loose index scan over the primary key: one seek per distinct subject, then its latest row at or
// before $1, instead of reading every row (PostgreSQL has no skip scan of its own before version 18).
const latestSql = (table: string) => `
  WITH RECURSIVE s(x) AS (
    SELECT MIN(subject) FROM ${table}
    UNION ALL SELECT (SELECT MIN(subject) FROM ${table} WHERE subject > s.x) FROM s WHERE s.x IS NOT NULL
  )
  SELECT r.* FROM s CROSS JOIN LATERAL (
    SELECT * FROM ${table} WHERE subject = s.x AND observed_at <= $1
    ORDER BY observed_at DESC, source DESC LIMIT 1
  ) r ORDER BY s.x`

const pageSql = (table: string) => `
  SELECT * FROM ${table}
  WHERE observed_at < $1 AND (observed_at, subject, source) > ($2, $3, $4)
  ORDER BY observed_at, subject, source LIMIT $5`

/** Reads one table in key order, a page at a time, so a range of any size takes bounded memory. */
async function* rowsInRange<R extends Row>(
  pool: pg.Pool,
  table: string,
  fromMs: number,
  toMs: number,
  pageSize: number,
): AsyncGenerator<R> {
  // No id is empty, so (fromMs, '', '') sorts before every key at fromMs and after every key before it.
  let after: [number, string, string] = [fromMs, '', '']
  for (;;) {
    const { rows } = await pool.query<R>(pageSql(table), [toMs, ...after, pageSize])
    yield* rows
    const last = rows.at(-1)
    if (!last || rows.length < pageSize) return
    after = [last.observed_at, last.subject, last.source]
  }
}

type ObservationPart = HistoryStore &
  Pick<
    Store,
    'insertObservations' | 'latestObservations' | 'history' | 'observationsInRange' | 'countObservations'
  >

/** Observations in PostgreSQL, with the same answers as the SQLite store. */
export function postgresObservations(pool: pg.Pool, folder: RollupFolder): ObservationPart {
  const rollups = postgresRollups(pool, folder)
  return {
    async insertObservations(batch) {
      const { meanwhile: _, ...result } = await inTransaction(pool, (db) => insertObservationsIn(db, batch))
      folder.queued(result.accepted)
      return result
    },

    async latestObservations(atMs = Number.MAX_SAFE_INTEGER) {
      const traffic = await pool.query<TrafficRow>(latestSql('traffic'), [atMs])
      const water = await pool.query<WaterRow>(latestSql('water'), [atMs])
      return [...traffic.rows.map(trafficFromRow), ...water.rows.map(waterFromRow)]
    },

    history: ({ type, subjectId, ...q }: HistoryQuery) => readHistory(q, rollups.historyOf(type, subjectId)),
    rollups: rollups.rollups,
    dropRawReadings: rollups.dropRawReadings,
    rawKeptFromMs: rollups.rawKeptFromMs,

    async *observationsInRange(fromMs, toMs, pageSize = 5000) {
      const traffic = rowsInRange<TrafficRow>(pool, 'traffic', fromMs, toMs, pageSize)
      const water = rowsInRange<WaterRow>(pool, 'water', fromMs, toMs, pageSize)
      try {
        let t = await traffic.next()
        let w = await water.next()
        let page: Observation[] = []
        while (!t.done || !w.done) {
          // Merge the two time-ordered streams; on equal times traffic comes first.
          if (!t.done && (w.done || t.value.observed_at <= w.value.observed_at)) {
            page.push(trafficFromRow(t.value))
            t = await traffic.next()
          } else if (!w.done) {
            page.push(waterFromRow(w.value))
            w = await water.next()
          }
          if (page.length === pageSize) {
            yield page
            page = []
          }
        }
        if (page.length) yield page
      } finally {
        await traffic.return(undefined)
        await water.return(undefined)
      }
    },

    async countObservations() {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT (SELECT COUNT(*) FROM traffic) + (SELECT COUNT(*) FROM water) AS n',
      )
      return rows[0]?.n ?? 0
    },
  }
}
