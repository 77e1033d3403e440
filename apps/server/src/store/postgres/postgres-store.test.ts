import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runAlertStoreContract } from '../alert-store-contract'
import { runDeadLetterStoreContract } from '../dead-letter-store-contract'
import { runIncidentStoreContract } from '../incident-store-contract'
import { runStoreContract } from '../store-contract'
import { runWarningStoreContract } from '../warning-store-contract'
import { LATEST_PG_SCHEMA_VERSION } from './migrations'
import { openPostgresStore } from './postgres-store'
import { createTempSchema } from './temp-schema'

let schema: Awaited<ReturnType<typeof createTempSchema>>
beforeAll(async () => {
  schema = await createTempSchema('contract')
})
afterAll(() => schema.drop())

/** A store on a schema of its own, dropped on dispose: each contract test starts empty. */
async function harness() {
  const own = await createTempSchema('contract')
  let store = await openPostgresStore(own.url)
  return {
    store,
    async reopen() {
      await store.close()
      store = await openPostgresStore(own.url)
      return store
    },
    async dispose() {
      await store.close()
      await own.drop()
    },
  }
}
runStoreContract('postgres', harness)
runAlertStoreContract('postgres', harness)

async function sql<R extends pg.QueryResultRow>(text: string, setup?: string): Promise<R[]> {
  const c = new pg.Client({ connectionString: schema.url })
  await c.connect()
  try {
    if (setup) await c.query(setup)
    return (await c.query<R>(text)).rows
  } finally {
    await c.end()
  }
}

test('the audit log refuses UPDATE, DELETE and TRUNCATE even through raw SQL', async () => {
  const store = await openPostgresStore(schema.url)
  await store.appendAudit({ at: 1, actor: 'a', action: 'login', target: null, origin: 'cli', reason: null })
  await store.close()
  await expect(sql("UPDATE audit_log SET actor = 'b'")).rejects.toThrow(/append-only/)
  await expect(sql('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
  await expect(sql('TRUNCATE audit_log')).rejects.toThrow(/append-only/)
})

test('instances starting together apply each migration once', async () => {
  const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(schema.url)))
  await Promise.all(stores.map((s) => s.close()))
  const rows = await sql<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
  expect(rows.map((r) => r.version).at(-1)).toBe(LATEST_PG_SCHEMA_VERSION)
  expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length)
})

test('latest-per-subject and time-range reads use the indexes', async () => {
  const store = await openPostgresStore(schema.url)
  await store.close()
  // Planner choices on an empty table are not telling; with sequential scans off, a plan that still
  // needs one means no usable index exists.
  const plan = async (q: string) =>
    (await sql<{ 'QUERY PLAN': string }>(`EXPLAIN ${q}`, 'SET enable_seqscan = off'))
      .map((r) => r['QUERY PLAN'])
      .join('\n')
  expect(
    await plan(
      "SELECT * FROM traffic WHERE subject = 'a' AND observed_at <= 5 ORDER BY observed_at DESC, source DESC LIMIT 1",
    ),
  ).not.toMatch(/Seq Scan/)
  expect(
    await plan(
      "SELECT * FROM water WHERE observed_at < 9 AND (observed_at, subject, source) > (1, '', '') ORDER BY observed_at, subject, source LIMIT 10",
    ),
  ).not.toMatch(/Seq Scan|Sort/)
})

runIncidentStoreContract('postgres', () => ownSchemaStore('incidents'))

runDeadLetterStoreContract('postgres', () => ownSchemaStore('dead_letters'))

runWarningStoreContract('postgres', () => ownSchemaStore('warnings'))

/** A store on a schema of its own, dropped on close: the part contracts' factory. */
async function ownSchemaStore(label: string) {
  const own = await createTempSchema(label)
  const store = await openPostgresStore(own.url)
  return {
    store,
    async close() {
      await store.close()
      await own.drop()
    },
  }
}
