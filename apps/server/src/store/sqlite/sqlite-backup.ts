import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { LATEST_SCHEMA_VERSION } from './migrations'

/** Rows per table, by table name. */
export type TableCounts = Record<string, number>

export class BackupError extends Error {
  override name = 'BackupError'
}

function countTables(db: Database.Database): TableCounts {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number]),
  )
}

/** Names the first table whose count differs, or null when both agree on every table. */
function firstMismatch(expected: TableCounts, actual: TableCounts): string | null {
  for (const name of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    if (expected[name] !== actual[name])
      return `${name}: ${expected[name] ?? 'missing'} expected, ${actual[name] ?? 'missing'} found`
  }
  return null
}

/**
 * Opens a copy, checks its pages (`quick_check`) and schema version, and counts its tables. A copy
 * that does not open, is damaged or comes from a newer server is refused with the reason.
 */
export function checkCopy(file: string): TableCounts {
  let db: Database.Database
  try {
    db = new Database(file, { fileMustExist: true })
  } catch (e) {
    throw new BackupError(`${file} does not open as a database: ${(e as Error).message}`)
  }
  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new BackupError(`${file} is damaged: ${String(check)}`)
    const version = db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null
    if (version === null) throw new BackupError(`${file} is not an IOC store (no schema_migrations)`)
    if (version > LATEST_SCHEMA_VERSION)
      throw new BackupError(
        `${file} is at schema v${version}, newer than this server (v${LATEST_SCHEMA_VERSION})`,
      )
    return countTables(db)
  } catch (e) {
    if (e instanceof BackupError) throw e
    throw new BackupError(`${file} does not read as an IOC store: ${(e as Error).message}`)
  } finally {
    db.close()
  }
}

/**
 * A consistent copy of the live store `source` into `dest`, while the server goes on writing: one read
 * transaction holds a snapshot (WAL readers never block the writer), the tables are counted in it and
 * SQLite's online backup copies that same snapshot in one step. The copy is written beside `dest`,
 * made a single self-contained file (rollback journal, no WAL), checked against the counts, synced,
 * and only then renamed to `dest`: a file at `dest` is always a whole, checked backup.
 */
export async function backupSqlite(source: string, dest: string): Promise<TableCounts> {
  if (!existsSync(source)) throw new BackupError(`no store at ${source}`)
  if (existsSync(dest)) throw new BackupError(`${dest} exists; choose a new file name`)
  const partial = `${dest}.partial`
  rmSync(partial, { force: true })
  const db = new Database(source, { fileMustExist: true })
  let counts: TableCounts
  try {
    db.pragma('busy_timeout = 5000')
    db.exec('BEGIN')
    counts = countTables(db)
    // One step of every page: a backup in several steps restarts whenever another connection writes.
    await db.backup(partial, { progress: () => 0x7fffffff })
    db.exec('COMMIT')
  } catch (e) {
    rmSync(partial, { force: true })
    throw new BackupError(`backup of ${source} failed: ${(e as Error).message}`)
  } finally {
    db.close()
  }
  const copy = new Database(partial)
  copy.pragma('journal_mode = DELETE')
  copy.close()
  const copied = checkCopy(partial)
  const mismatch = firstMismatch(counts, copied)
  if (mismatch) {
    rmSync(partial, { force: true })
    throw new BackupError(`the copy does not match the store (${mismatch})`)
  }
  syncFile(partial)
  renameSync(partial, dest)
  return copied
}

/**
 * Replaces the store `target` by the backup `backup` (the server stopped): checks the backup, moves
 * the current store aside to `<target>.before-restore-<time>` (its WAL folded in first, so it is whole
 * on its own), copies the backup in through a synced temporary file, and checks the restored file's
 * counts against the backup's. Returns the counts and where the old store went (null: there was none).
 */
export function restoreSqlite(
  backup: string,
  target: string,
  nowMs: number,
): { counts: TableCounts; aside: string | null } {
  const expected = checkCopy(backup)
  let aside: string | null = null
  if (existsSync(target)) {
    const old = new Database(target)
    old.pragma('wal_checkpoint(TRUNCATE)')
    old.pragma('journal_mode = DELETE')
    old.close()
    aside = `${target}.before-restore-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}`
    renameSync(target, aside)
  }
  // A -wal or -shm left beside the target would be read as part of the restored file.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true })
  const restoring = `${target}.restoring`
  copyFileSync(backup, restoring)
  syncFile(restoring)
  renameSync(restoring, target)
  const counts = checkCopy(target)
  const mismatch = firstMismatch(expected, counts)
  if (mismatch) throw new BackupError(`the restored store does not match the backup (${mismatch})`)
  return { counts, aside }
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
