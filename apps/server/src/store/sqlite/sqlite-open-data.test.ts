import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runOpenDataStoreContract } from '../open-data-store-contract'
import { openSqliteStore } from './sqlite-store'

runOpenDataStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-open-data-'))
  const store = openSqliteStore(join(dir, 'ioc.sqlite'))
  return {
    store,
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})
