import type { Store } from '../store'
import { migrate } from './migrations'
import { createPool } from './pg-pool'
import { postgresAccounts } from './postgres-accounts'
import { postgresAlerts } from './postgres-alerts'
import { postgresCitizenReports } from './postgres-citizen-reports'
import { postgresDeadLetters } from './postgres-dead-letters'
import { postgresIncidents } from './postgres-incidents'
import { postgresObservations } from './postgres-observations'
import { postgresOpenData } from './postgres-open-data'
import { postgresOperationalIncidents } from './postgres-operational-incidents'
import { rollupFolder } from './postgres-rollup-fold'
import { postgresWarnings } from './postgres-warnings'

/**
 * The networked store: the same contract as SQLite on PostgreSQL (`DATABASE_URL`), for several server
 * instances sharing one database. Every commit is durable under PostgreSQL's default
 * `synchronous_commit = on`. Migrates the schema on the connection's search path before resolving.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = createPool(url)
  try {
    await migrate(pool)
  } catch (err) {
    await pool.end()
    throw err
  }
  let closed: Promise<void> | undefined
  const folder = rollupFolder(pool)
  return {
    ...postgresObservations(pool, folder),
    ...postgresAccounts(pool),
    ...postgresIncidents(pool),
    ...postgresOperationalIncidents(pool),
    ...postgresAlerts(pool, folder),
    ...postgresDeadLetters(pool),
    ...postgresOpenData(pool),
    ...postgresWarnings(pool),
    ...postgresCitizenReports(pool),
    async ping() {
      await pool.query('SELECT 1')
    },
    close() {
      closed ??= folder.idle().then(() => pool.end())
      return closed
    },
  }
}
