import type { AlertService } from '../alerts/alert-service'
import { StaleRulesStateError } from '../store/postgres/postgres-alerts'

/** Another instance may commit between this one's reload and retry; a few rounds settle any race. */
const MAX_ATTEMPTS = 8

/**
 * With several instances on PostgreSQL an engine commit is refused when another instance committed
 * engine state first (StaleRulesStateError, nothing written). The alert service has then rebuilt its
 * engine from the stored state (its `guarded` reload), so running the same batch again evaluates it
 * after the other instance's readings: every reading is judged once, in commit order, cluster-wide.
 */
export function retryWhenStale(alerts: AlertService): AlertService {
  async function again<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run()
      } catch (err) {
        if (!(err instanceof StaleRulesStateError) || attempt >= MAX_ATTEMPTS) throw err
      }
    }
  }
  return {
    ...alerts,
    ingest: (batch) => again(() => alerts.ingest(batch)),
    tick: (nowMs) => again(() => alerts.tick(nowMs)),
    commitEvents: (events, nowMs) => again(() => alerts.commitEvents(events, nowMs)),
  }
}
