import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { expect, test } from 'vitest'
import { openPostgresStore } from './postgres-store'
import { createTempSchema, TEST_DATABASE_URL } from './temp-schema'

const T0 = Date.parse('2025-11-06T17:00:00+07:00')

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

// The commands docs/operations.md gives, run as written there: pg_dump of the store's schema in the
// custom format, pg_restore into an empty database.
test('pg_dump and pg_restore carry the whole store, rollups and audit log included, into a new database', async () => {
  const own = await createTempSchema('dump')
  const dir = mkdtempSync(join(tmpdir(), 'ioc-pgdump-'))
  const db = `ioc_restore_${randomBytes(4).toString('hex')}`
  try {
    const store = await openPostgresStore(own.url)
    await store.insertObservations(
      Array.from({ length: 600 }, (_, m) => ({
        type: 'water' as const,
        stationId: 'phu-an',
        observedAt: new Date(T0 + m * 60_000).toISOString(),
        value: 1 + (m % 80) / 100,
        source: 'sihymete',
      })),
    )
    await store.appendAudit({
      at: T0,
      actor: 'admin',
      action: 'login',
      target: null,
      origin: 'cli',
      reason: null,
    })
    const query = {
      type: 'water',
      subjectId: 'phu-an',
      fromMs: T0,
      toMs: T0 + 600 * 60_000,
      maxPoints: 20,
    } as const
    const history = await store.history(query)
    const cells = { ...query, grainMs: 300_000 } as const
    const rollups = await store.rollups(cells)
    await store.close()

    const dump = join(dir, 'ioc.dump')
    execFileSync('pg_dump', [
      '--format=custom',
      `--schema=${own.schema}`,
      `--file=${dump}`,
      TEST_DATABASE_URL,
    ])
    await admin(`CREATE DATABASE ${db}`)
    const target = new URL(TEST_DATABASE_URL)
    target.pathname = `/${db}`
    execFileSync('pg_restore', ['--no-owner', `--dbname=${target}`, dump])

    target.searchParams.set('options', `-c search_path=${own.schema}`)
    const restored = await openPostgresStore(target.toString())
    expect(await restored.countObservations()).toBe(600)
    expect(await restored.history(query)).toEqual(history)
    expect(await restored.rollups(cells)).toEqual(rollups)
    expect(rollups).toHaveLength(120)
    expect((await restored.listAudit({ limit: 5 })).map((e) => e.action)).toEqual(['login'])
    await restored.close()
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${db}`)
    await own.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
