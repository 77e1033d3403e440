import type Database from 'better-sqlite3'
import { FIVE_MIN_MS, HOUR_MS, type RollupPlan, type Span } from '../history-plan'
import type { RollupCell } from '../history-store'
import type { HistorySource } from '../read-history'
import type { BucketRow } from '../rows/observation-rows'
import { ROLLUP_COLUMNS, type RollupRow, rollupCellFromRow } from '../rows/rollup-rows'

const TABLE = { [FIVE_MIN_MS]: 'rollups_5m', [HOUR_MS]: 'rollups_1h' } as const

/**
 * Source ids are packed below the time in one integer, `observed_at * 65536 + source`, so that one
 * MAX() finds a cell's last reading (greatest time, then source, as `latestObservations` picks) in
 * the same pass as its count, sum, min and max. A deployment has a few dozen feeds; sqlite-observations
 * refuses a 65,536th source name.
 */
export const MAX_SOURCES = 65_536

const floorSql = (column: string, grainMs: number) =>
  `${column} - ((${column} % ${grainMs}) + ${grainMs}) % ${grainMs}`

/** The reading a packed key names, from the subject index (the run's rows are already in it). */
const lastValueOf = (key: string) => `(SELECT value FROM subject_readings s
  WHERE s.subject = r.subject AND s.observed_at = ${key} >> 16 AND s.source = ${key} & 65535)`

/** Merges the run's cells into a rollup table's rows; "last" moves only to a later (time, source). */
const MERGE = `
  ON CONFLICT (subject, bucket) DO UPDATE SET
    n = n + excluded.n,
    total = total + excluded.total,
    lo = MIN(lo, excluded.lo),
    hi = MAX(hi, excluded.hi),
    last_value = CASE WHEN (excluded.last_at, excluded.last_source) > (last_at, last_source)
      THEN excluded.last_value ELSE last_value END,
    last_source = CASE WHEN (excluded.last_at, excluded.last_source) > (last_at, last_source)
      THEN excluded.last_source ELSE last_source END,
    last_at = MAX(last_at, excluded.last_at)`

/**
 * Folds the pending readings up to rowid `last` into both grains. Runs in the subject index run's
 * transaction, after the readings were copied into `subject_readings` and before they leave the
 * queue, so a reading is in the rollups exactly when it is in the index: the pending queue is the
 * rollups' watermark. One sort of the run makes its 5-minute cells (a temporary table); the hourly
 * cells are made from those, and both are merged into the stored rows.
 */
export function rollupPendingRun(db: Database.Database): (last: number) => void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_run (
    subject INTEGER NOT NULL, bucket INTEGER NOT NULL, n INTEGER NOT NULL, total REAL NOT NULL,
    lo REAL NOT NULL, hi REAL NOT NULL, last_key INTEGER NOT NULL)`)
  const cells = db.prepare(`INSERT INTO temp.rollup_run
    SELECT subject, ${floorSql('observed_at', FIVE_MIN_MS)} AS bucket, COUNT(*), SUM(value), MIN(value), MAX(value),
      MAX(observed_at * 65536 + source)
    FROM subject_readings_pending WHERE rowid <= @last GROUP BY subject, bucket`)
  const fold5m = db.prepare(`INSERT INTO rollups_5m
    SELECT subject, bucket, n, total, lo, hi, last_key >> 16, last_key & 65535, ${lastValueOf('last_key')}
    FROM temp.rollup_run r WHERE true ${MERGE}`)
  const fold1h = db.prepare(`INSERT INTO rollups_1h
    SELECT subject, hour, n, total, lo, hi, last_key >> 16, last_key & 65535, ${lastValueOf('last_key')}
    FROM (SELECT subject, ${floorSql('bucket', HOUR_MS)} AS hour, SUM(n) AS n, SUM(total) AS total, MIN(lo) AS lo,
            MAX(hi) AS hi, MAX(last_key) AS last_key
          FROM temp.rollup_run GROUP BY subject, hour) r WHERE true ${MERGE}`)
  const clear = db.prepare('DELETE FROM temp.rollup_run')
  return (last) => {
    cells.run({ last })
    fold5m.run()
    fold1h.run()
    clear.run()
  }
}

// better-sqlite3 binds JS numbers as REAL; the casts keep the bucket numbers integer divisions.
const cellsSql = (table: string) => `
  SELECT b, SUM(total) / SUM(n) AS mean, MIN(lo) AS lo, MAX(hi) AS hi, SUM(n) AS n FROM (
    SELECT (bucket - CAST(@origin AS INTEGER)) / CAST(@w AS INTEGER) AS b, n, total, lo, hi
      FROM ${table} WHERE subject = @subject AND bucket >= @c0 AND bucket < @c1
    UNION ALL
    SELECT (observed_at - CAST(@origin AS INTEGER)) / CAST(@w AS INTEGER), 1, value, value, value
      FROM subject_readings WHERE subject = @subject AND observed_at >= @a0 AND observed_at < @a1
    UNION ALL
    SELECT (observed_at - CAST(@origin AS INTEGER)) / CAST(@w AS INTEGER), 1, value, value, value
      FROM subject_readings WHERE subject = @subject AND observed_at >= @b0 AND observed_at < @b1
  ) GROUP BY b ORDER BY b`

export interface SqliteRollups {
  /** The history queries of one subject (by id), over `subject_readings` and the rollups. */
  historyOf(subject: number): HistorySource
  rollupCells(subject: number, grainMs: RollupCell['grainMs'], fromMs: number, toMs: number): RollupCell[]
  /**
   * Drops raw readings older than `beforeMs` in short transactions, yielding between them so ingest
   * goes on; the caller has folded every pending reading into the rollups first. Marks the range as
   * rollup-only before deleting, so no query reads a half-deleted range as if it were whole.
   */
  dropRawBefore(beforeMs: number, subjects: readonly number[]): Promise<number>
  rawKeptFromMs(): number | null
}

const DAY_MS = 86_400_000

export function sqliteRollups(db: Database.Database): SqliteRollups {
  const s = {
    keptFrom: db.prepare('SELECT kept_from FROM raw_retention').pluck(),
    setKeptFrom: db.prepare('UPDATE raw_retention SET kept_from = MAX(COALESCE(kept_from, @at), @at)'),
    count: db
      .prepare(
        `SELECT COALESCE((SELECT SUM(n) FROM rollups_1h WHERE subject = @subject AND bucket >= @h0 AND bucket < @h1), 0)
          + (SELECT COUNT(*) FROM subject_readings WHERE subject = @subject AND observed_at >= @a0 AND observed_at < @a1)
          + (SELECT COUNT(*) FROM subject_readings WHERE subject = @subject AND observed_at >= @b0 AND observed_at < @b1)`,
      )
      .pluck(),
    rows: db.prepare(
      `SELECT observed_at, value AS v FROM subject_readings
       WHERE subject = @subject AND observed_at >= @fromMs AND observed_at < @toMs
       ORDER BY observed_at, source`,
    ),
    buckets: db.prepare(
      `SELECT (observed_at - CAST(@fromMs AS INTEGER)) / CAST(@bucketMs AS INTEGER) AS b, AVG(value) AS mean,
         MIN(value) AS lo, MAX(value) AS hi, COUNT(*) AS n
       FROM subject_readings WHERE subject = @subject AND observed_at >= @fromMs AND observed_at < @toMs
       GROUP BY b ORDER BY b`,
    ),
    cells: {
      [FIVE_MIN_MS]: db.prepare(cellsSql(TABLE[FIVE_MIN_MS])),
      [HOUR_MS]: db.prepare(cellsSql(TABLE[HOUR_MS])),
    },
    list: {
      [FIVE_MIN_MS]: listSql(db, TABLE[FIVE_MIN_MS]),
      [HOUR_MS]: listSql(db, TABLE[HOUR_MS]),
    },
    oldest: db
      .prepare(
        'SELECT MIN(t) FROM (SELECT MIN(observed_at) AS t FROM traffic UNION ALL SELECT MIN(observed_at) FROM water)',
      )
      .pluck(),
    dropTraffic: db.prepare('DELETE FROM traffic WHERE observed_at >= ? AND observed_at < ?'),
    dropWater: db.prepare('DELETE FROM water WHERE observed_at >= ? AND observed_at < ?'),
    dropReadings: db.prepare('DELETE FROM subject_readings WHERE subject = ? AND observed_at < ?'),
  }
  const spans = (edges: readonly [Span, Span]) => ({
    a0: edges[0][0],
    a1: edges[0][1],
    b0: edges[1][0],
    b1: edges[1][1],
  })
  const dropDay = db.transaction((from: number, to: number) => {
    return s.dropTraffic.run(from, to).changes + s.dropWater.run(from, to).changes
  })
  const dropSubjects = db.transaction((ids: readonly number[], before: number) => {
    for (const id of ids) s.dropReadings.run(id, before)
  })
  const rawKeptFromMs = () => s.keptFrom.get() as number | null

  return {
    historyOf(subject) {
      return {
        rawKeptFromMs: async () => rawKeptFromMs(),
        countReadings: async (hours, edges) =>
          s.count.get({ subject, h0: hours[0], h1: hours[1], ...spans(edges) }) as number,
        rawReadings: async (fromMs, toMs) =>
          s.rows.all({ subject, fromMs, toMs }) as { observed_at: number; v: number }[],
        rawBuckets: async (fromMs, toMs, bucketMs) =>
          s.buckets.all({ subject, fromMs, toMs, bucketMs }) as BucketRow[],
        rollupBuckets: async (p: RollupPlan) =>
          s.cells[p.grainMs].all({
            subject,
            origin: p.originMs,
            w: p.bucketMs,
            c0: p.cells[0],
            c1: p.cells[1],
            ...spans(p.edges),
          }) as BucketRow[],
      }
    },

    rollupCells(subject, grainMs, fromMs, toMs) {
      const rows = s.list[grainMs].all({ subject, fromMs, toMs }) as RollupRow[]
      return rows.map((r) => rollupCellFromRow(grainMs, r))
    },

    async dropRawBefore(beforeMs, subjects) {
      s.setKeptFrom.run({ at: beforeMs })
      // A subject's readings are contiguous in subject_readings: a range delete each, a few per transaction.
      for (let i = 0; i < subjects.length; i += 50) {
        dropSubjects(subjects.slice(i, i + 50), beforeMs)
        await yieldToIngest()
      }
      let dropped = 0
      const oldest = s.oldest.get() as number | null
      for (let from = oldest ?? beforeMs; from < beforeMs; from += DAY_MS) {
        dropped += dropDay(from, Math.min(from + DAY_MS, beforeMs))
        await yieldToIngest()
      }
      return dropped
    },

    rawKeptFromMs,
  }
}

const yieldToIngest = () => new Promise<void>((resolve) => setImmediate(resolve))

const listSql = (db: Database.Database, table: string) =>
  db.prepare(
    `SELECT ${ROLLUP_COLUMNS} FROM ${table}
     WHERE subject = @subject AND bucket >= @fromMs AND bucket < @toMs ORDER BY bucket`,
  )
