import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Config } from '../config/config'
import { runningServerPid } from '../store/sqlite/server-pid'
import { BackupError, backupSqlite, restoreSqlite, type TableCounts } from '../store/sqlite/sqlite-backup'
import { CliError } from './cli-error'

const storeFile = (config: Config) => join(config.dataDir, 'ioc.sqlite')

function embeddedOnly(config: Config, what: string): void {
  if (config.databaseUrl)
    throw new CliError(
      `DATABASE_URL is set: ${what} PostgreSQL with pg_dump / pg_restore (docs/operations.md)`,
    )
}

const describe = (c: TableCounts) =>
  `${(c.traffic ?? 0) + (c.water ?? 0)} observations, ${(c.rollups_5m ?? 0) + (c.rollups_1h ?? 0)} rollup cells, ` +
  `${c.alerts ?? 0} alerts, ${c.audit_log ?? 0} audit entries; all ${Object.keys(c).length} tables counted and matched`

async function refusingBackupErrors<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof BackupError) throw new CliError(e.message)
    throw e
  }
}

/** `ioc backup <file>`: a consistent copy of the embedded store, safe while the server runs. */
export async function backupCommand(config: Config, file: string): Promise<void> {
  embeddedOnly(config, 'back up')
  const dest = resolve(file)
  const counts = await refusingBackupErrors(() => backupSqlite(storeFile(config), dest))
  process.stdout.write(`backed up ${storeFile(config)} to ${dest}: ${describe(counts)}\n`)
}

/** `ioc restore <file>`: the embedded store replaced by a backup; refused while a server runs on it. */
export async function restoreCommand(config: Config, file: string): Promise<void> {
  embeddedOnly(config, 'restore')
  const pid = runningServerPid(config.dataDir)
  if (pid !== null)
    throw new CliError(
      `a server (pid ${pid}) is running on ${config.dataDir}; stop it first (if none is, remove ioc.pid there)`,
    )
  mkdirSync(config.dataDir, { recursive: true })
  const { counts, aside } = await refusingBackupErrors(() =>
    restoreSqlite(resolve(file), storeFile(config), Date.now()),
  )
  if (aside) process.stdout.write(`the store it replaced is kept as ${aside}\n`)
  process.stdout.write(`restored ${resolve(file)} to ${storeFile(config)}: ${describe(counts)}\n`)
}
