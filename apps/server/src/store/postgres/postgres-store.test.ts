import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  KING_TIDE_ALERT,
  lifecycleOn,
  phuAnEvent,
  runAlertStoreContract,
  storeKingTideAlert,
} from '../alert-store-contract'
import { runCitizenReportStoreContract } from '../citizen-report-store-contract'
import { runDeadLetterStoreContract } from '../dead-letter-store-contract'
import { runHistoryStoreContract } from '../history-store-contract'
import { runIncidentStoreContract } from '../incident-store-contract'
import { runOperationalIncidentStoreContract } from '../operational-incident-store-contract'
import { runPartitionCheckpointContract } from '../partition-checkpoint-contract'
import { runStoreContract } from '../store-contract'
import { runWarningStoreContract } from '../warning-store-contract'
import { LATEST_PG_SCHEMA_VERSION } from './migrations'
import { StaleRulesStateError } from './postgres-alerts'
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
/** A store on a schema of its own, dropped on close. */
const ownStore = (prefix: string) => async () => {
  const own = await createTempSchema(prefix)
  const store = await openPostgresStore(own.url)
  return {
    store,
    async close() {
      await store.close()
      await own.drop()
    },
  }
}

runStoreContract('postgres', harness)
runAlertStoreContract('postgres', harness)
runPartitionCheckpointContract('postgres', harness)
runHistoryStoreContract('postgres', harness)

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

runIncidentStoreContract('postgres', ownStore('incidents'))

runDeadLetterStoreContract('postgres', ownStore('dead_letters'))

runOperationalIncidentStoreContract('postgres', ownStore('op_incidents'))

runWarningStoreContract('postgres', ownStore('warnings'))

test('the incident trail refuses UPDATE, DELETE and TRUNCATE even through raw SQL', async () => {
  const store = await openPostgresStore(schema.url)
  await store.saveOperationalIncidents(
    [],
    [{ incidentId: 'i1', action: 'opened', at: 1, by: 'system', origin: 'grouping', note: '', details: {} }],
  )
  await store.close()
  await expect(sql("UPDATE operational_incident_events SET by_user = 'x'")).rejects.toThrow(/append-only/)
  await expect(sql('DELETE FROM operational_incident_events')).rejects.toThrow(/append-only/)
  await expect(sql('TRUNCATE operational_incident_events')).rejects.toThrow(/append-only/)
})

test('readings stored before schema v3 are in the rollups after the upgrade', async () => {
  const own = await createTempSchema('rollups')
  const at = Date.parse('2025-11-06T17:00:00+07:00')
  const level = (ms: number, value: number, source: string) => ({
    type: 'water' as const,
    stationId: 'phu-an',
    observedAt: new Date(ms).toISOString(),
    value,
    source,
  })
  let store = await openPostgresStore(own.url)
  await store.insertObservations([
    level(at, 1.5, 'a'),
    level(at + 60_000, 1.75, 'a'),
    level(at + 60_000, 1.25, 'b'),
  ])
  await store.close()
  // Back to schema v2 with the readings kept (and no rollup queue, v90): the v3 migration runs again over them.
  const c = new pg.Client({ connectionString: own.url })
  await c.connect()
  await c.query(
    'DROP TABLE rollups_5m, rollups_1h, raw_retention, rollups_pending; DELETE FROM schema_migrations WHERE version IN (3, 90)',
  )
  await c.end()
  store = await openPostgresStore(own.url)
  const q = { type: 'water', subjectId: 'phu-an', fromMs: at, toMs: at + 3_600_000 } as const
  expect(await store.rollups({ ...q, grainMs: 300_000 })).toEqual([
    {
      grainMs: 300_000,
      startMs: at,
      count: 3,
      mean: 1.5,
      min: 1.25,
      max: 1.75,
      last: 1.25,
      lastAt: at + 60_000,
    },
  ])
  expect((await store.rollups({ ...q, grainMs: 3_600_000 }))[0]).toMatchObject({ count: 3, last: 1.25 })
  await store.close()
  await own.drop()
})

test('alerts stored before schema v11 take their cause and peak from their audit trail', async () => {
  const own = await createTempSchema('peak')
  const store = await openPostgresStore(own.url)
  await storeKingTideAlert(store)
  await store.close()
  // As a v10 database held it: no cause, no peak, the current value only.
  const c = new pg.Client({ connectionString: own.url })
  await c.connect()
  await c.query(`UPDATE alerts SET doc = doc - 'cause' - 'peak'`)
  await c.query('DELETE FROM schema_migrations WHERE version = 11')
  await c.end()
  const upgraded = await openPostgresStore(own.url)
  expect(await upgraded.listAlerts({ state: 'all' })).toMatchObject([KING_TIDE_ALERT])
  await upgraded.close()
  await own.drop()
})

test('an instance whose alert book is behind another instance is refused before writing, then goes on from the store', async () => {
  const own = await createTempSchema('turns')
  const [one, two] = [await openPostgresStore(own.url), await openPostgresStore(own.url)]
  const T0 = Date.parse('2025-11-06T17:00:00+07:00')
  const first = await lifecycleOn(one)
  const [raised] = await first.events([phuAnEvent('raised', 'critical', T0, 1.62)], T0)
  // The second instance loads now; the first then acknowledges: the second's book is behind.
  const second = await lifecycleOn(two)
  const id = raised?.alert.id as string
  expect(await first.act(id, { type: 'acknowledge', note: 'on it' }, 'lan', T0 + 1000, 'ip')).toMatchObject({
    ok: true,
  })
  const eased = phuAnEvent('severity-changed', 'major', T0 + 60_000, 1.55)
  await expect(second.events([eased], T0 + 60_000)).rejects.toThrow(StaleRulesStateError)
  expect(await two.getAlert(id)).toMatchObject({ severity: 'critical', ack: { by: 'lan' } })
  // Reloaded (as the alert service does within the same turn), it changes the alert as the first left it.
  const reloaded = await lifecycleOn(two)
  expect((await reloaded.events([eased], T0 + 60_000)).map((c) => c.alert)).toMatchObject([
    { severity: 'major', ack: { by: 'lan' } },
  ])
  // A silence set through the second moves the first behind too.
  await two.createSilence(
    { subject: { type: 'station', id: 'nha-be' }, reason: 'bảo trì', until: T0 + 3600_000 },
    'lan',
    T0,
  )
  await expect(first.events([phuAnEvent('cleared', 'major', T0 + 90_000, 1.3)], T0 + 90_000)).rejects.toThrow(
    StaleRulesStateError,
  )
  await one.close()
  await two.close()
  await own.drop()
})

runCitizenReportStoreContract('postgres', async () => {
  const own = await createTempSchema('citizen')
  let store = await openPostgresStore(own.url)
  return {
    get store() {
      return store
    },
    async reopen() {
      await store.close()
      store = await openPostgresStore(own.url)
      return store
    },
    async close() {
      await store.close()
      await own.drop()
    },
  }
})
