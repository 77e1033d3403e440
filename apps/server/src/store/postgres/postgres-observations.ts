import type { Observation } from '@ioc/domain'
import type pg from 'pg'
import type { HistoryStore } from '../history-store'
import { readHistory } from '../read-history'
import { type TrafficRow, trafficFromRow, type WaterRow, waterFromRow } from '../rows/observation-rows'
import type { HistoryQuery, InsertResult, Store } from '../store'
import { inTransaction } from './pg-pool'
import { insertWithRollups, postgresRollups } from './postgres-rollups'

type Row = TrafficRow | WaterRow

/** The idempotency key of an observation, as a string. */
const keyOf = (type: string, subject: string, observedAt: number, source: string) =>
  `${type}\u0000${subject}\u0000${observedAt}\u0000${source}`

// One statement per table whatever the batch size: the columns travel as arrays and unnest() turns them
// back into rows, so a 5,000-row batch is one round trip with 6 parameters instead of 30,000.
// The rollups of the new rows are updated in the same statement (postgres-rollups.ts).
const INSERT_TRAFFIC = insertWithRollups(
  'traffic',
  `INSERT INTO traffic (subject, observed_at, source, speed_kph, flow_vph, occupancy_pct)
   SELECT * FROM unnest($1::text[], $2::int8[], $3::text[], $4::float8[], $5::float8[], $6::float8[])
   ON CONFLICT DO NOTHING RETURNING subject, observed_at, source, speed_kph AS v`,
)
const INSERT_WATER = insertWithRollups(
  'water',
  `INSERT INTO water (subject, observed_at, source, value)
   SELECT * FROM unnest($1::text[], $2::int8[], $3::text[], $4::float8[])
   ON CONFLICT DO NOTHING RETURNING subject, observed_at, source, value AS v`,
)

/** Writes a batch inside the caller's transaction; returns the observations that were new, in batch order. */
export async function insertObservationsIn(
  db: pg.ClientBase,
  batch: readonly Observation[],
): Promise<InsertResult> {
  const t = { subject: [] as string[], at: [] as number[], source: [] as string[], speed: [] as number[] }
  const flow: (number | null)[] = []
  const occupancy: (number | null)[] = []
  const w = { subject: [] as string[], at: [] as number[], source: [] as string[], value: [] as number[] }
  for (const o of batch) {
    const at = Date.parse(o.observedAt)
    if (o.type === 'traffic') {
      t.subject.push(o.segmentId)
      t.at.push(at)
      t.source.push(o.source)
      t.speed.push(o.speedKph)
      flow.push(o.flowVph ?? null)
      occupancy.push(o.occupancyPct ?? null)
    } else {
      w.subject.push(o.stationId)
      w.at.push(at)
      w.source.push(o.source)
      w.value.push(o.value)
    }
  }
  const inserted = new Set<string>()
  type KeyRow = { subject: string; observed_at: number; source: string }
  if (t.subject.length) {
    const r = await db.query<KeyRow>(INSERT_TRAFFIC, [t.subject, t.at, t.source, t.speed, flow, occupancy])
    for (const k of r.rows) inserted.add(keyOf('traffic', k.subject, k.observed_at, k.source))
  }
  if (w.subject.length) {
    const r = await db.query<KeyRow>(INSERT_WATER, [w.subject, w.at, w.source, w.value])
    for (const k of r.rows) inserted.add(keyOf('water', k.subject, k.observed_at, k.source))
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
export function postgresObservations(pool: pg.Pool): ObservationPart {
  const rollups = postgresRollups(pool)
  return {
    insertObservations: (batch) => inTransaction(pool, (db) => insertObservationsIn(db, batch)),

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
