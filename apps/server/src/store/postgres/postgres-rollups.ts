import type pg from 'pg'
import { FIVE_MIN_MS, HOUR_MS, type RollupPlan, type Span } from '../history-plan'
import type { HistoryStore } from '../history-store'
import type { HistorySource } from '../read-history'
import { type BucketRow, TABLE, VALUE } from '../rows/observation-rows'
import { ROLLUP_COLUMNS, type RollupRow, rollupCellFromRow } from '../rows/rollup-rows'

type Kind = 'traffic' | 'water'
const ROLLUPS = { [FIVE_MIN_MS]: 'rollups_5m', [HOUR_MS]: 'rollups_1h' } as const

/** Folds the rows of CTE `ins` (subject, observed_at, source, v) into one rollup table. */
const fold = (kind: Kind, table: string, grainMs: number) => `
  INSERT INTO ${table} AS r (type, subject, bucket, n, total, lo, hi, last_at, last_source, last_value)
  SELECT '${kind}', subject, bucket, COUNT(*), SUM(v), MIN(v), MAX(v), MAX(observed_at),
    MAX(source) FILTER (WHERE rn = 1), MAX(v) FILTER (WHERE rn = 1)
  FROM (
    SELECT subject, observed_at, source, v, bucket,
      row_number() OVER (PARTITION BY subject, bucket ORDER BY observed_at DESC, source DESC) AS rn
    FROM (SELECT *, observed_at - ((observed_at % ${grainMs}) + ${grainMs}) % ${grainMs} AS bucket FROM ins) x
  ) y
  GROUP BY subject, bucket
  -- Rows are locked in key order, so two instances folding into the same cells cannot deadlock.
  ORDER BY subject, bucket
  ON CONFLICT (type, subject, bucket) DO UPDATE SET
    n = r.n + EXCLUDED.n,
    total = r.total + EXCLUDED.total,
    lo = LEAST(r.lo, EXCLUDED.lo),
    hi = GREATEST(r.hi, EXCLUDED.hi),
    last_value = CASE WHEN (EXCLUDED.last_at, EXCLUDED.last_source) > (r.last_at, r.last_source)
      THEN EXCLUDED.last_value ELSE r.last_value END,
    last_source = CASE WHEN (EXCLUDED.last_at, EXCLUDED.last_source) > (r.last_at, r.last_source)
      THEN EXCLUDED.last_source ELSE r.last_source END,
    last_at = GREATEST(r.last_at, EXCLUDED.last_at)`

/**
 * An INSERT … RETURNING subject, observed_at, source, v of new readings, with both rollup grains
 * updated from exactly those rows in the same statement (and so the same transaction): a reading is
 * in the rollups the moment it is committed, on every instance. Returns the inserted keys.
 */
export function insertWithRollups(kind: Kind, insert: string): string {
  return `WITH ins AS (${insert}),
    f5 AS (${fold(kind, ROLLUPS[FIVE_MIN_MS], FIVE_MIN_MS)}),
    f1 AS (${fold(kind, ROLLUPS[HOUR_MS], HOUR_MS)})
  SELECT subject, observed_at, source FROM ins`
}

const DAY_MS = 86_400_000

/** Rollups, history and retention of the PostgreSQL store. */
export function postgresRollups(pool: pg.Pool): HistoryStore & {
  historyOf(kind: Kind, subject: string): HistorySource
} {
  const rawKeptFromMs = async () =>
    (await pool.query<{ kept_from: number | null }>('SELECT kept_from FROM raw_retention')).rows[0]
      ?.kept_from ?? null
  return {
    rawKeptFromMs,

    historyOf(kind, subject) {
      const table = TABLE[kind]
      const value = VALUE[kind]
      const rawIn = (n: number) => `SELECT observed_at, ${value} AS v FROM ${table}
        WHERE subject = $1 AND observed_at >= $${n} AND observed_at < $${n + 1}`
      const edges = (e: readonly [Span, Span]) => [e[0][0], e[0][1], e[1][0], e[1][1]]
      return {
        rawKeptFromMs,
        async countReadings(hours, e) {
          const { rows } = await pool.query<{ n: number }>(
            `SELECT COALESCE((SELECT SUM(n) FROM rollups_1h WHERE type = $4 AND subject = $1
                AND bucket >= $2 AND bucket < $3), 0)
              + (SELECT COUNT(*) FROM (${rawIn(5)}) a) + (SELECT COUNT(*) FROM (${rawIn(7)}) b) AS n`,
            [subject, hours[0], hours[1], kind, ...edges(e)],
          )
          return rows[0]?.n ?? 0
        },
        async rawReadings(fromMs, toMs) {
          const { rows } = await pool.query<{ observed_at: number; v: number }>(
            `${rawIn(2)} ORDER BY observed_at, source`,
            [subject, fromMs, toMs],
          )
          return rows
        },
        async rawBuckets(fromMs, toMs, bucketMs) {
          const { rows } = await pool.query<BucketRow>(
            `SELECT (observed_at - $2) / $4::int8 AS b, AVG(v) AS mean, MIN(v) AS lo, MAX(v) AS hi, COUNT(*) AS n
             FROM (${rawIn(2)}) r GROUP BY b ORDER BY b`,
            [subject, fromMs, toMs, bucketMs],
          )
          return rows
        },
        async rollupBuckets(p: RollupPlan) {
          const { rows } = await pool.query<BucketRow>(
            `SELECT b, SUM(total) / SUM(n) AS mean, MIN(lo) AS lo, MAX(hi) AS hi, SUM(n) AS n FROM (
               SELECT (bucket - $2) / $3::int8 AS b, n, total, lo, hi FROM ${ROLLUPS[p.grainMs]}
                 WHERE type = $6 AND subject = $1 AND bucket >= $4 AND bucket < $5
               UNION ALL SELECT (observed_at - $2) / $3::int8, 1, v, v, v FROM (${rawIn(7)}) a
               UNION ALL SELECT (observed_at - $2) / $3::int8, 1, v, v, v FROM (${rawIn(9)}) b
             ) c GROUP BY b ORDER BY b`,
            [subject, p.originMs, p.bucketMs, p.cells[0], p.cells[1], kind, ...edges(p.edges)],
          )
          return rows
        },
      }
    },

    async rollups({ type, subjectId, grainMs, fromMs, toMs }) {
      const { rows } = await pool.query<RollupRow>(
        `SELECT ${ROLLUP_COLUMNS} FROM ${ROLLUPS[grainMs]}
         WHERE type = $1 AND subject = $2 AND bucket >= $3 AND bucket < $4 ORDER BY bucket`,
        [type, subjectId, fromMs, toMs],
      )
      return rows.map((r) => rollupCellFromRow(grainMs, r))
    },

    /**
     * Every reading is in the rollups from its own commit, so any raw reading may go. Marks the range
     * rollup-only first, then deletes a day at a time, each day its own short transaction.
     */
    async dropRawReadings(beforeMs) {
      await pool.query('UPDATE raw_retention SET kept_from = GREATEST(COALESCE(kept_from, $1), $1)', [
        beforeMs,
      ])
      const oldest = await pool.query<{ t: number | null }>(
        'SELECT LEAST((SELECT MIN(observed_at) FROM traffic), (SELECT MIN(observed_at) FROM water)) AS t',
      )
      let dropped = 0
      for (let from = oldest.rows[0]?.t ?? beforeMs; from < beforeMs; from += DAY_MS) {
        const to = Math.min(from + DAY_MS, beforeMs)
        for (const table of ['traffic', 'water']) {
          const r = await pool.query(`DELETE FROM ${table} WHERE observed_at >= $1 AND observed_at < $2`, [
            from,
            to,
          ])
          dropped += r.rowCount ?? 0
        }
      }
      return { dropped }
    },
  }
}
