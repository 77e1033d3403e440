import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runIncidentStoreContract } from '../incident-store-contract'
import { openSqliteStore } from './sqlite-store'

runIncidentStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-incidents-'))
  const store = openSqliteStore(join(dir, 'ioc.sqlite'))
  return {
    store,
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})
