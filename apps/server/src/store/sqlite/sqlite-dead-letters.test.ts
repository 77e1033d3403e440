import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runDeadLetterStoreContract } from '../dead-letter-store-contract'
import { openSqliteStore } from './sqlite-store'

runDeadLetterStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-dead-letters-'))
  const store = openSqliteStore(join(dir, 'ioc.sqlite'))
  return {
    store,
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})
