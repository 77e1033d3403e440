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

// A batch is streamed with COPY into a staging table of the session, then moved by one INSERT … SELECT
// with the idempotency key's conflict rule, which also queues the new rows for the rollups
// (postgres-rollup-fold.ts). ON COMMIT DELETE ROWS empties the staging table at every commit; IF NOT
// EXISTS makes it once per connection. COPY measured 0–11 % faster than one INSERT … SELECT unnest() of
// column arrays (5,000-row batches, docs/architecture.md).
const STAGE_TRAFFIC = `CREATE TEMP TABLE IF NOT EXISTS traffic_in (subject TEXT COLLATE "C", observed_at BIGINT,
  source TEXT COLLATE "C", speed_kph DOUBLE PRECISION, flow_vph DOUBLE PRECISION, occupancy_pct DOUBLE PRECISION)
  ON COMMIT DELETE ROWS`
const STAGE_WATER = `CREATE TEMP TABLE IF NOT EXISTS water_in (subject TEXT COLLATE "C", observed_at BIGINT,
  source TEXT COLLATE "C", value DOUBLE PRECISION) ON COMMIT DELETE ROWS`
const COPIED_TRAFFIC = queueForRollups(
  'traffic',
  `INSERT INTO traffic SELECT * FROM traffic_in
   ON CONFLICT DO NOTHING RETURNING subject, observed_at, source, speed_kph AS v`,
)
const COPIED_WATER = queueForRollups(
  'water',
  `INSERT INTO water SELECT * FROM water_in ON CONFLICT DO NOTHING RETURNING subject, observed_at, source, value AS v`,
)

type KeyRow = { subject: string; observed_at: number; source: string }
type Field = string | number | null

/** Inserts one table's rows (its columns in order); returns the keys of those that were new. */
async function insertRows(
  db: pg.ClientBase,
  table: 'traffic' | 'water',
  rows: readonly (readonly Field[])[],
) {
  await db.query(table === 'traffic' ? STAGE_TRAFFIC : STAGE_WATER)
  await copyRows(db, `${table}_in`, rows)
  return (await db.query<KeyRow>(table === 'traffic' ? COPIED_TRAFFIC : COPIED_WATER)).rows
}

/** Writes a batch inside the caller's transaction; returns the observations that were new, in batch order. */
export async function insertObservationsIn(
  db: pg.ClientBase,
  batch: readonly Observation[],
): Promise<InsertResult> {
  const traffic: Field[][] = []
  const water: Field[][] = []
  for (const o of batch) {
    const at = Date.parse(o.observedAt)
    if (o.type === 'traffic') {
      traffic.push([o.segmentId, at, o.source, o.speedKph, o.flowVph ?? null, o.occupancyPct ?? null])
    } else water.push([o.stationId, at, o.source, o.value])
  }
  const inserted = new Set<string>()
  if (traffic.length) {
    for (const k of await insertRows(db, 'traffic', traffic))
      inserted.add(keyOf('traffic', k.subject, k.observed_at, k.source))
  }
  if (water.length) {
    for (const k of await insertRows(db, 'water', water))
      inserted.add(keyOf('water', k.subject, k.observed_at, k.source))
  }
  const stored: Observation[] = []
  for (const o of batch) {
    const subject = o.type === 'traffic' ? o.segmentId : o.stationId
    const key = keyOf(o.type, subject, Date.parse(o.observedAt), o.source)
    // delete: an item repeated within the batch is stored (and reported) once.
    if (inserted.delete(key)) stored.push(o)
  }
  return { accepted: stored.length, duplicates: batch.length - stored.length, stored }
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
      const result = await inTransaction(pool, (db) => insertObservationsIn(db, batch))
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
