import type { Logger } from 'pino'
import type { ClockJob } from '../alerts/clock-driven-jobs'
import { floorTo, HOUR_MS } from './history-plan'
import type { RetentionConfig } from './retention-config'
import type { Store } from './store'

/**
 * Drops the raw readings older than the retention age, cut at a whole hour so the rollup-only range
 * ends on a cell boundary of both grains. The store drops nothing that is not in its rollups yet.
 */
export function rawRetentionJob(store: Store, config: RetentionConfig, logger: Logger): ClockJob {
  return {
    name: 'raw-retention',
    everyMs: config.everyMs,
    async run(nowMs) {
      const beforeMs = floorTo(nowMs - config.rawRetentionMs, HOUR_MS)
      const { dropped } = await store.dropRawReadings(beforeMs)
      if (dropped) logger.info({ dropped, before: new Date(beforeMs).toISOString() }, 'raw readings dropped')
    },
  }
}
