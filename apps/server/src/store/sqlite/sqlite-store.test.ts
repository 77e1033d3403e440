import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Observation } from '@ioc/domain'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { runHistoryStoreContract } from '../history-store-contract'
import { runStoreContract } from '../store-contract'
import { LATEST_SCHEMA_VERSION, migrate } from './migrations'
import { INDEX_RUN, pendingIndexRun } from './sqlite-observations'
import { openSqliteStore } from './sqlite-store'

function tempFile(): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-store-'))
  return { dir, file: join(dir, 'ioc.sqlite') }
}

runStoreContract('sqlite', async () => {
  const { dir, file } = tempFile()
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

runHistoryStoreContract('sqlite', async () => {
  const { dir, file } = tempFile()
  const store = openSqliteStore(file)
  return {
    store,
    async dispose() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})

test('the audit log refuses UPDATE and DELETE even through raw SQL', async () => {
  const { dir, file } = tempFile()
  const store = openSqliteStore(file)
  await store.appendAudit({ at: 1, actor: 'a', action: 'login', target: null, origin: 'cli', reason: null })
  await store.close()
  const db = new Database(file)
  expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/)
  expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

test('the database runs in WAL mode at the latest schema version', () => {
  const { dir, file } = tempFile()
  const store = openSqliteStore(file)
  const db = new Database(file)
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(LATEST_SCHEMA_VERSION)
  db.close()
  void store.close()
  rmSync(dir, { recursive: true, force: true })
})

const traffic = (segmentId: string, atMs: number, speedKph: number, source = 'tomtom'): Observation => ({
  type: 'traffic',
  segmentId,
  observedAt: new Date(atMs).toISOString(),
  speedKph,
  source,
})
const T0 = Date.parse('2025-11-06T00:00:00Z')

test('readings stored before schema v2 (text keys) are all there after the upgrade', async () => {
  const { dir, file } = tempFile()
  const old = new Database(file)
  migrate(old, 1)
  const row = old.prepare(
    'INSERT INTO traffic (subject, observed_at, source, speed_kph, flow_vph, occupancy_pct) VALUES (?, ?, ?, ?, ?, ?)',
  )
  row.run('seg-b', T0, 'tomtom', 30, 900, null)
  row.run('seg-a', T0 + 60_000, 'vov', 12, null, 40)
  old
    .prepare('INSERT INTO water (subject, observed_at, source, value) VALUES (?, ?, ?, ?)')
    .run('phu-an', T0, 'sw', 1.6)
  old.close()

  const store = openSqliteStore(file)
  expect(await store.countObservations()).toBe(3)
  expect(await store.latestObservations()).toEqual([
    { ...traffic('seg-a', T0 + 60_000, 12, 'vov'), occupancyPct: 40 },
    { ...traffic('seg-b', T0, 30), flowVph: 900 },
    { type: 'water', stationId: 'phu-an', observedAt: new Date(T0).toISOString(), value: 1.6, source: 'sw' },
  ])
  const h = await store.history({
    type: 'traffic',
    subjectId: 'seg-b',
    fromMs: T0,
    toMs: T0 + 1,
    maxPoints: 10,
  })
  expect(h.points.map((p) => p.value)).toEqual([30])
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

// 400,000 readings through two index runs with their rollups: seconds on a loaded two-core machine.
test('a subject’s history holds every reading, whether or not its index run has happened yet', async () => {
  const { dir, file } = tempFile()
  const store = openSqliteStore(file)
  // Two full index runs and a part of a third, over 40 segments: 5,000 readings of each.
  const segments = Array.from({ length: 40 }, (_, i) => `seg-${i}`)
  const total = 2 * INDEX_RUN + 40 * 10
  for (let start = 0; start < total; start += 5000) {
    const batch = Array.from({ length: Math.min(5000, total - start) }, (_, k) => {
      const n = start + k
      return traffic(segments[n % 40] as string, T0 + Math.floor(n / 40) * 1000, n % 90)
    })
    await store.insertObservations(batch)
  }
  const perSegment = total / 40
  const h = await store.history({
    type: 'traffic',
    subjectId: 'seg-7',
    fromMs: T0,
    toMs: T0 + perSegment * 1000,
    maxPoints: perSegment,
  })
  expect(h.points).toHaveLength(perSegment)
  expect(h.points.at(-1)?.value).toBe((total - 40 + 7) % 90)
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}, 60_000)

test('a second connection to the file reads subjects and sources the first one added after it opened', async () => {
  const { dir, file } = tempFile()
  const reader = openSqliteStore(file)
  const writer = openSqliteStore(file)
  await writer.insertObservations([traffic('seg-new', T0, 42, 'new-feed')])
  expect(await reader.latestObservations()).toEqual([traffic('seg-new', T0, 42, 'new-feed')])
  const pages = []
  for await (const page of reader.observationsInRange(T0, T0 + 1)) pages.push(...page)
  expect(pages).toEqual([traffic('seg-new', T0, 42, 'new-feed')])
  await writer.close()
  await reader.close()
  rmSync(dir, { recursive: true, force: true })
})

test('readings indexed before schema v3 are in the rollups after the upgrade, pending ones after the next run', async () => {
  const { dir, file } = tempFile()
  const old = new Database(file)
  migrate(old, 2)
  old.prepare("INSERT INTO subjects (id, type, name) VALUES (1, 'traffic', 'seg-a')").run()
  old.prepare("INSERT INTO sources (id, name) VALUES (1, 'tomtom'), (2, 'vov')").run()
  const row = old.prepare('INSERT INTO traffic (observed_at, subject, source, speed_kph) VALUES (?, 1, ?, ?)')
  row.run(T0, 1, 30)
  row.run(T0 + 60_000, 2, 12)
  row.run(T0 + 60_000, 1, 20)
  pendingIndexRun(old)()
  row.run(T0 + 120_000, 1, 40)
  old.close()

  const store = openSqliteStore(file)
  const cells = await store.rollups({
    type: 'traffic',
    subjectId: 'seg-a',
    grainMs: 300_000,
    fromMs: T0,
    toMs: T0 + 300_000,
  })
  expect(cells).toEqual([
    { grainMs: 300_000, startMs: T0, count: 4, mean: 25.5, min: 12, max: 40, last: 40, lastAt: T0 + 120_000 },
  ])
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})
