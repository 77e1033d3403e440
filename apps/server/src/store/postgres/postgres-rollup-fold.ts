import type pg from 'pg'
import { FIVE_MIN_MS, HOUR_MS } from '../history-plan'

/** Readings folded per statement: one sort of a run, not a cell upsert per reading on the hot path. */
export const FOLD_RUN = 100_000

/**
 * Every fold of every instance takes this transaction-scoped advisory lock (the number is arbitrary,
 * fixed for this use). A reader's fold waits for a fold in flight instead of skipping its rows, so once
 * it returns, every reading committed before it is in the rollups.
 */
const FOLD_LOCK = 0x10c_f01d

const ROLLUP_TABLES = { [FIVE_MIN_MS]: 'rollups_5m', [HOUR_MS]: 'rollups_1h' } as const

/**
 * One statement that runs an INSERT … RETURNING subject, observed_at, source, v of new traffic readings
 * and one of new water readings, queues exactly those rows in `rollups_pending` (so in the same
 * transaction), and returns their keys with their type.
 */
export function queueForRollups(inserts: { traffic: string; water: string }): string {
  return `WITH t AS (${inserts.traffic}), w AS (${inserts.water}),
    q AS (INSERT INTO rollups_pending (type, subject, observed_at, source, v)
      SELECT 'traffic', subject, observed_at, source, v FROM t
      UNION ALL SELECT 'water', subject, observed_at, source, v FROM w)
  SELECT 'traffic' AS type, subject, observed_at, source FROM t
  UNION ALL SELECT 'water', subject, observed_at, source FROM w`
}

/** Merges cells (type, subject, bucket, n, total, lo, hi, last_at, last_source, last_value) into a rollup table. */
const mergeInto = (table: string, cells: string) => `
  INSERT INTO ${table} AS r (type, subject, bucket, n, total, lo, hi, last_at, last_source, last_value)
  ${cells}
  -- Cells are locked in key order: a fold never deadlocks with anything else that upserts them.
  ORDER BY type, subject, bucket
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

const bucketOf = (grainMs: number, at = 'observed_at') =>
  `${at} - ((${at} % ${grainMs}) + ${grainMs}) % ${grainMs}`

// One run: take up to $1 queued readings off the queue, make the run's 5-minute cells (the one sort of
// its readings), and fold them into the 5-minute table and, merged by hour, into the hourly one: an
// hour's count, sum, bounds and last are those of its 5-minute cells. One statement; the queue has no
// key, so rows are picked by ctid (a TID scan).
const FOLD_RUN_SQL = `
  WITH run AS (
    DELETE FROM rollups_pending WHERE ctid = ANY(ARRAY(SELECT ctid FROM rollups_pending LIMIT $1))
    RETURNING type, subject, observed_at, source, v
  ),
  c5 AS MATERIALIZED (
    SELECT type, subject, bucket, COUNT(*) AS n, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi,
      MAX(observed_at) AS last_at, MAX(source) FILTER (WHERE rn = 1) AS last_source,
      MAX(v) FILTER (WHERE rn = 1) AS last_value
    FROM (
      SELECT type, subject, observed_at, source, v, bucket,
        row_number() OVER (PARTITION BY type, subject, bucket ORDER BY observed_at DESC, source DESC) AS rn
      FROM (SELECT *, ${bucketOf(FIVE_MIN_MS)} AS bucket FROM run) x
    ) y
    GROUP BY type, subject, bucket
  ),
  f5 AS (${mergeInto(ROLLUP_TABLES[FIVE_MIN_MS], 'SELECT * FROM c5')}),
  f1 AS (${mergeInto(
    ROLLUP_TABLES[HOUR_MS],
    `SELECT type, subject, bucket, SUM(n), SUM(total), MIN(lo), MAX(hi), MAX(last_at),
       MAX(last_source) FILTER (WHERE rn = 1), MAX(last_value) FILTER (WHERE rn = 1)
     FROM (
       SELECT c5.*, ${bucketOf(HOUR_MS, 'c5.bucket')} AS hour,
         row_number() OVER (PARTITION BY type, subject, ${bucketOf(HOUR_MS, 'c5.bucket')}
           ORDER BY last_at DESC, last_source DESC) AS rn
       FROM c5
     ) h (type, subject, b5, n, total, lo, hi, last_at, last_source, last_value, bucket, rn)
     GROUP BY type, subject, bucket`,
  )})
  SELECT COUNT(*)::int AS n FROM run`

/**
 * The rollups' fold from the pending queue, which is their watermark: a reading is in the rollups or in
 * the queue, whatever order readings arrive in. `foldAll` drains the queue, each run its own short
 * transaction under the fold lock; readers of rollups (history, retention) call it first. `queued`
 * counts this instance's queued readings and starts a fold in the background once a run's worth waits,
 * so the queue stays bounded even when nothing reads history.
 */
export function rollupFolder(pool: pg.Pool, runSize = FOLD_RUN) {
  let sinceFold = 0
  let background: Promise<void> | null = null

  async function foldRun(): Promise<number> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock($1)', [FOLD_LOCK])
      const { rows } = await client.query<{ n: number }>(FOLD_RUN_SQL, [runSize])
      await client.query('COMMIT')
      return rows[0]?.n ?? 0
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }

  async function foldAll(): Promise<void> {
    sinceFold = 0
    while ((await foldRun()) === runSize) {}
  }

  return {
    foldAll,
    queued(n: number): void {
      sinceFold += n
      if (sinceFold < runSize || background) return
      // A failed background fold leaves the readings queued; the next fold or reader takes them.
      background = foldAll()
        .catch(() => {})
        .finally(() => {
          background = null
        })
    },
    /** Resolves once no background fold is running (before the pool closes). */
    idle: async () => {
      await background
    },
  }
}

export type RollupFolder = ReturnType<typeof rollupFolder>
