import type { RollupCell } from '../history-store'

/** A rollup row as both stores keep it (`rollups_5m`, `rollups_1h`). */
export interface RollupRow {
  bucket: number
  n: number
  total: number
  lo: number
  hi: number
  last_at: number
  last_value: number
}

export const ROLLUP_COLUMNS = 'bucket, n, total, lo, hi, last_at, last_value'

export const rollupCellFromRow = (grainMs: RollupCell['grainMs'], r: RollupRow): RollupCell => ({
  grainMs,
  startMs: r.bucket,
  count: r.n,
  mean: r.total / r.n,
  min: r.lo,
  max: r.hi,
  last: r.last_value,
  lastAt: r.last_at,
})
