import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCitizenReportStoreContract } from '../citizen-report-store-contract'
import { openSqliteStore } from './sqlite-store'

runCitizenReportStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-citizen-'))
  const file = join(dir, 'ioc.sqlite')
  let store = openSqliteStore(file)
  return {
    get store() {
      return store
    },
    async reopen() {
      await store.close()
      store = openSqliteStore(file)
      return store
    },
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})
