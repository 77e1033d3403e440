import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Store } from '../store'
import { openSqliteStore } from './sqlite-store'

/** A store in a fresh temporary directory, removed on close: a contract suite's factory. */
export async function tempSqliteStore(label: string): Promise<{ store: Store; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `ioc-${label}-`))
  const store = openSqliteStore(join(dir, 'ioc.sqlite'))
  return {
    store,
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
