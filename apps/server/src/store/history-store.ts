import type { FIVE_MIN_MS, HOUR_MS } from './history-plan'

/** One grain cell of a subject's rollups: the aggregate of its raw readings in [startMs, startMs + grainMs). */
export interface RollupCell {
  grainMs: typeof FIVE_MIN_MS | typeof HOUR_MS
  /** Epoch ms, a multiple of the grain. */
  startMs: number
  count: number
  mean: number
  min: number
  max: number
  /** The cell's latest reading (on equal times, the source that `latestObservations` would pick). */
  last: number
  lastAt: number
}

/**
 * The long history beside the raw readings: 5-minute and 1-hour rollups of every subject's charted
 * value (speed, level, depth), which `history` reads for long ranges, and the retention of raw readings.
 */
export interface HistoryStore {
  /** The subject's rollup cells of one grain starting in [fromMs, toMs), in time order. */
  rollups(query: {
    type: 'traffic' | 'water'
    subjectId: string
    grainMs: RollupCell['grainMs']
    fromMs: number
    toMs: number
  }): Promise<RollupCell[]>
  /**
   * Drops the raw readings observed before `beforeMs` once every one of them is in the rollups; from
   * then on `history` answers ranges before it from the rollups. Alerts, incidents, audit and rollups
   * are kept. Returns how many observations were dropped.
   */
  dropRawReadings(beforeMs: number): Promise<{ dropped: number }>
  /** Raw readings before this were dropped; null while all are kept. */
  rawKeptFromMs(): Promise<number | null>
}
