import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAlertStoreContract } from '../alert-store-contract'
import { openSqliteStore } from './sqlite-store'

runAlertStoreContract('sqlite', async () => {
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
})
