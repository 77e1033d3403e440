import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { runOperationalIncidentStoreContract } from '../operational-incident-store-contract'
import { openSqliteStore } from './sqlite-store'

function harness() {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-op-incidents-'))
  const file = join(dir, 'ioc.sqlite')
  const store = openSqliteStore(file)
  return {
    file,
    store,
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

runOperationalIncidentStoreContract('sqlite', async () => harness())

test('the incident trail refuses UPDATE and DELETE even through raw SQL', async () => {
  const h = harness()
  await h.store.saveOperationalIncidents(
    [],
    [{ incidentId: 'i1', action: 'opened', at: 1, by: 'system', origin: 'grouping', note: '', details: {} }],
  )
  const db = new Database(h.file)
  try {
    expect(() => db.prepare("UPDATE operational_incident_events SET by_user = 'x'").run()).toThrow(
      /append-only/,
    )
    expect(() => db.prepare('DELETE FROM operational_incident_events').run()).toThrow(/append-only/)
  } finally {
    db.close()
    await h.close()
  }
})
