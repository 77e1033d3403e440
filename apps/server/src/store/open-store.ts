import { join } from 'node:path'
import type { Config } from '../config/config'
import { openPostgresStore } from './postgres/postgres-store'
import { openSqliteStore } from './sqlite/sqlite-store'
import type { Store } from './store'

/** PostgreSQL when `DATABASE_URL` is set, else the embedded SQLite file in `DATA_DIR`. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  return config.databaseUrl
    ? openPostgresStore(config.databaseUrl)
    : openSqliteStore(join(config.dataDir, 'ioc.sqlite'))
}
