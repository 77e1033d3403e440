/** The rollup grains the stores keep beside the raw readings (`rollups_5m`, `rollups_1h`). */
export const FIVE_MIN_MS = 300_000
export const HOUR_MS = 3_600_000
export type Grain = typeof FIVE_MIN_MS | typeof HOUR_MS

/** The start of the grain cell holding `t`; right for times before 1970 too. */
export const floorTo = (t: number, grainMs: number): number => t - (((t % grainMs) + grainMs) % grainMs)
/** The first cell start at or after `t`; times are whole milliseconds. */
export const ceilTo = (t: number, grainMs: number): number => floorTo(t + grainMs - 1, grainMs)

/** A half-open time range [fromMs, toMs), epoch ms. */
export type Span = readonly [fromMs: number, toMs: number]

/**
 * How a bucketed history is read from the rollups: whole grain cells from `table`, the partial cells at
 * either end from raw readings, all counted into buckets `bucketMs` wide from `originMs`.
 */
export interface RollupPlan {
  grainMs: Grain
  originMs: number
  bucketMs: number
  /** Grain cells read from the rollups: those starting in [from, to). */
  cells: Span
  /** Raw readings read beside them (the partial cells at the ends); empty spans have from = to. */
  edges: readonly [Span, Span]
}

/**
 * Plans a history whose buckets would be at least `FIVE_MIN_MS` wide, or whose range starts before
 * `rawKeptFromMs` (readings older than it were dropped by retention). Buckets are whole grain cells,
 * aligned to the grain, so a rollup row falls in one bucket; the first may start before `fromMs`.
 * Where raw readings are kept, the ends are exact (raw readings inside [from, to)); where they are not,
 * the range is widened to whole cells, so a peak in a partial cell is kept, not lost.
 */
export function planRollupHistory(q: {
  fromMs: number
  toMs: number
  maxPoints: number
  rawKeptFromMs: number | null
}): RollupPlan {
  const rawFrom = q.rawKeptFromMs ?? Number.NEGATIVE_INFINITY
  const wanted = Math.ceil((q.toMs - q.fromMs) / q.maxPoints)
  const grainMs: Grain = wanted >= HOUR_MS ? HOUR_MS : FIVE_MIN_MS
  const lo = q.fromMs >= rawFrom ? ceilTo(q.fromMs, grainMs) : floorTo(q.fromMs, grainMs)
  const hi = q.toMs > rawFrom ? floorTo(q.toMs, grainMs) : ceilTo(q.toMs, grainMs)
  const originMs = floorTo(q.fromMs, grainMs)
  const end = Math.max(hi, q.toMs)
  const bucketMs = Math.max(grainMs, ceilTo(Math.ceil((end - originMs) / q.maxPoints), grainMs))
  if (lo >= hi) {
    // The whole range lies inside one cell where raw readings are kept: it is read from them alone.
    return { grainMs, originMs, bucketMs, cells: [lo, lo], edges: [[q.fromMs, q.toMs], EMPTY] }
  }
  const first: Span = q.fromMs < lo ? [q.fromMs, lo] : EMPTY
  const last: Span = hi < q.toMs ? [hi, q.toMs] : EMPTY
  return { grainMs, originMs, bucketMs, cells: [lo, hi], edges: [first, last] }
}

const EMPTY: Span = [0, 0]

/**
 * The parts of [from, to) a reading count is taken from cheaply: whole hours from `rollups_1h`, the rest
 * (at most two partial hours) from raw readings. Only for ranges where raw readings are kept.
 */
export function planCount(fromMs: number, toMs: number): { hours: Span; edges: readonly [Span, Span] } {
  const lo = ceilTo(fromMs, HOUR_MS)
  const hi = floorTo(toMs, HOUR_MS)
  if (lo >= hi) return { hours: [lo, lo], edges: [[fromMs, toMs], EMPTY] }
  return {
    hours: [lo, hi],
    edges: [fromMs < lo ? [fromMs, lo] : EMPTY, hi < toMs ? [hi, toMs] : EMPTY],
  }
}
