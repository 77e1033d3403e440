import type pg from 'pg'
import { FIVE_MIN_MS, HOUR_MS, type RollupPlan, type Span } from '../history-plan'
import type { HistoryStore } from '../history-store'
import type { HistorySource } from '../read-history'
import { type BucketRow, TABLE, VALUE } from '../rows/observation-rows'
import { ROLLUP_COLUMNS, type RollupRow, rollupCellFromRow } from '../rows/rollup-rows'
import type { RollupFolder } from './postgres-rollup-fold'

type Kind = 'traffic' | 'water'
const ROLLUPS = { [FIVE_MIN_MS]: 'rollups_5m', [HOUR_MS]: 'rollups_1h' } as const

const DAY_MS = 86_400_000

/**
 * Rollups, history and retention of the PostgreSQL store. Every query that reads rollup cells, and
 * retention, folds the pending queue first, so none sees a cell behind the committed readings.
 */
export function postgresRollups(
  pool: pg.Pool,
  folder: RollupFolder,
): HistoryStore & {
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
          await folder.foldAll()
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
          await folder.foldAll()
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
      await folder.foldAll()
      const { rows } = await pool.query<RollupRow>(
        `SELECT ${ROLLUP_COLUMNS} FROM ${ROLLUPS[grainMs]}
         WHERE type = $1 AND subject = $2 AND bucket >= $3 AND bucket < $4 ORDER BY bucket`,
        [type, subjectId, fromMs, toMs],
      )
      return rows.map((r) => rollupCellFromRow(grainMs, r))
    },

    /**
     * Folds the queue first, so every stored reading is in the rollups and any raw reading may go. Marks
     * the range rollup-only, then deletes a day at a time, each day its own short transaction.
     */
    async dropRawReadings(beforeMs) {
      await folder.foldAll()
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
