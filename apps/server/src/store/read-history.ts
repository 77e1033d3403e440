import type { History } from '@ioc/domain'
import { FIVE_MIN_MS, planCount, planRollupHistory, type RollupPlan, type Span } from './history-plan'
import { type BucketRow, bucketPoints, readingPoints } from './rows/observation-rows'
import type { HistoryQuery } from './store'

/** What each store answers for a subject's history, in its own SQL. */
export interface HistorySource {
  /** Raw readings before this were dropped by retention; null while every reading is kept. */
  rawKeptFromMs(): Promise<number | null>
  /** Readings in whole hours (from `rollups_1h`) plus the raw readings in the edge spans. */
  countReadings(hours: Span, edges: readonly [Span, Span]): Promise<number>
  rawReadings(fromMs: number, toMs: number): Promise<{ observed_at: number; v: number }[]>
  /** Raw readings averaged into buckets `bucketMs` wide counted from `fromMs`. */
  rawBuckets(fromMs: number, toMs: number, bucketMs: number): Promise<BucketRow[]>
  rollupBuckets(plan: RollupPlan): Promise<BucketRow[]>
}

/**
 * Up to this many readings are bucketed from the raw rows (a few ms), with buckets counted from the
 * range's start as they always were; beyond, the rollups' cell grid sets the buckets.
 */
const RAW_BUCKETS_MAX = 10_000

/**
 * A subject's history at the resolution its range calls for: raw readings while there are no more
 * than `maxPoints`; buckets of raw readings while buckets are narrower than 5 minutes or the range
 * holds few readings; beyond, buckets of the 5-minute or 1-hour rollups (history-plan.ts), so a month
 * or a year reads thousands of rows, not millions. A range older than the raw retention always comes
 * from the rollups.
 */
export async function readHistory(
  q: Pick<HistoryQuery, 'fromMs' | 'toMs' | 'maxPoints'>,
  source: HistorySource,
): Promise<Pick<History, 'bucketMs' | 'points'>> {
  const { fromMs, toMs, maxPoints } = q
  const rawKeptFromMs = await source.rawKeptFromMs()
  if (rawKeptFromMs === null || fromMs >= rawKeptFromMs) {
    const parts = planCount(fromMs, toMs)
    const counted = await source.countReadings(parts.hours, parts.edges)
    if (counted <= maxPoints) {
      return { bucketMs: null, points: readingPoints(await source.rawReadings(fromMs, toMs)) }
    }
    const bucketMs = Math.ceil((toMs - fromMs) / maxPoints)
    if (bucketMs < FIVE_MIN_MS || counted <= RAW_BUCKETS_MAX) {
      return {
        bucketMs,
        points: bucketPoints(await source.rawBuckets(fromMs, toMs, bucketMs), fromMs, bucketMs),
      }
    }
  }
  const plan = planRollupHistory({ fromMs, toMs, maxPoints, rawKeptFromMs })
  return {
    bucketMs: plan.bucketMs,
    points: bucketPoints(await source.rollupBuckets(plan), plan.originMs, plan.bucketMs),
  }
}
