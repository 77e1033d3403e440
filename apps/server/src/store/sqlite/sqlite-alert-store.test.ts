import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { KING_TIDE_ALERT, runAlertStoreContract, storeKingTideAlert } from '../alert-store-contract'
import { runPartitionCheckpointContract } from '../partition-checkpoint-contract'
import { openSqliteStore } from './sqlite-store'

/** A store in a directory of its own, removed on dispose. */
async function harness() {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-alert-store-'))
  const file = join(dir, 'ioc.sqlite')
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
}

runAlertStoreContract('sqlite', harness)
runPartitionCheckpointContract('sqlite', harness)

test('alerts stored before schema v11 take their cause and peak from their audit trail', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-alert-store-'))
  const file = join(dir, 'ioc.sqlite')
  const store = openSqliteStore(file)
  await storeKingTideAlert(store)
  await store.close()
  // As a v10 database held it: no cause, no peak, the current value only.
  const old = new Database(file)
  old.exec(`UPDATE alerts SET doc = json_remove(doc, '$.cause', '$.peak');
    DELETE FROM schema_migrations WHERE version = 11`)
  old.close()
  const upgraded = openSqliteStore(file)
  expect(await upgraded.listAlerts({ state: 'all' })).toMatchObject([KING_TIDE_ALERT])
  await upgraded.close()
  rmSync(dir, { recursive: true, force: true })
})
