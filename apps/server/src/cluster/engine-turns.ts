import type pg from 'pg'
import type { AlertService } from '../alerts/alert-service'
import { createPool } from '../store/postgres/pg-pool'
import { StaleRulesStateError } from '../store/postgres/postgres-alerts'

/**
 * Session-level advisory lock taken around a whole engine operation (distinct from the store's
 * transaction-level ENGINE_LOCK, which still guards each commit).
 */
const TURN_LOCK = 0x10c_7a4e

/** Within a turn only a failed reload can make a commit stale again; more rounds mean a bug. */
const MAX_ATTEMPTS = 3

export interface EngineTurns {
  wrap(alerts: AlertService): AlertService
  close(): Promise<void>
}

/**
 * Several instances on one PostgreSQL database take turns at the alert lifecycle. Each operation that
 * steps it or changes what it reads (a batch, the sensor-silent tick, forecast events, an officer's
 * action, an escalation, a silence) holds a cluster-wide advisory lock from before its step looks at the
 * engine and the alert book until its commit; PostgreSQL grants waiting turns in order, so no instance
 * starves. An instance whose engine or book is behind (another committed since it last loaded) is told
 * so by the store under the lock, before anything is written (StaleRulesStateError); the alert service
 * then reloads both from the store, and the operation runs again within the same turn, where nobody else
 * can commit. Every reading is judged once, by an engine that saw every earlier one, and every action
 * on the alert as the last commit left it.
 */
export function engineTurns(databaseUrl: string): EngineTurns {
  // One connection of its own: the lock belongs to the session that took it.
  const pool: pg.Pool = createPool(databaseUrl, 1)
  // Local operations queue here, so the lock is released between two of them and others get a turn.
  let queue: Promise<unknown> = Promise.resolve()

  function turn<T>(run: () => Promise<T>): Promise<T> {
    const mine = queue.then(async () => {
      const db = await pool.connect()
      try {
        await db.query('SELECT pg_advisory_lock($1)', [TURN_LOCK])
        for (let attempt = 1; ; attempt++) {
          try {
            return await run()
          } catch (err) {
            if (!(err instanceof StaleRulesStateError) || attempt >= MAX_ATTEMPTS) throw err
          }
        }
      } finally {
        // A failed unlock means the connection died, and the lock died with it.
        await db.query('SELECT pg_advisory_unlock($1)', [TURN_LOCK]).catch(() => {})
        db.release()
      }
    })
    queue = mine.catch(() => undefined)
    return mine
  }

  return {
    wrap: (alerts) => ({
      ...alerts,
      ingest: (batch) => turn(() => alerts.ingest(batch)),
      tick: (nowMs) => turn(() => alerts.tick(nowMs)),
      commitEvents: (events, nowMs) => turn(() => alerts.commitEvents(events, nowMs)),
      escalate: (nowMs) => turn(() => alerts.escalate(nowMs)),
      act: (id, action, by, origin) => turn(() => alerts.act(id, action, by, origin)),
      createSilence: (silence, by) => turn(() => alerts.createSilence(silence, by)),
      cancelSilence: (id) => turn(() => alerts.cancelSilence(id)),
    }),
    close: () => pool.end(),
  }
}
