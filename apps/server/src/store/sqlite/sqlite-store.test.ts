import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { runStoreContract } from '../store-contract'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { openSqliteStore } from './sqlite-store'

function tempFile(): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-store-'))
  return { dir, file: join(dir, 'ioc.sqlite') }
}

runStoreContract('sqlite', async () => {
  const { dir, file } = tempFile()
  let store = openSqliteStore(file)
  return {
    store,
    async reopen() {
      await store.close()
      store = openSqliteStore(file)
      return store
    },
    async dispose() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})

test('the audit log refuses UPDATE and DELETE even through raw SQL', async () => {
  const { dir, file } = tempFile()
  const store = openSqliteStore(file)
  await store.appendAudit({ at: 1, actor: 'a', action: 'login', target: null, origin: 'cli', reason: null })
  await store.close()
  const db = new Database(file)
  expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/)
  expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

test('the database runs in WAL mode at the latest schema version', () => {
  const { dir, file } = tempFile()
  const store = openSqliteStore(file)
  const db = new Database(file)
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(LATEST_SCHEMA_VERSION)
  db.close()
  void store.close()
  rmSync(dir, { recursive: true, force: true })
})
