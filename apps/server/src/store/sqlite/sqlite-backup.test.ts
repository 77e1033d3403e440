import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { backupSqlite, restoreSqlite } from './sqlite-backup'
import { openSqliteStore } from './sqlite-store'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ioc-backup-unit-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const reading = (minute: number) => ({
  type: 'water' as const,
  stationId: 'phu-an',
  observedAt: new Date(Date.parse('2025-11-06T17:00:00+07:00') + minute * 60_000).toISOString(),
  value: 1.5,
  source: 'sihymete',
})

async function storeWith(file: string, minutes: number): Promise<void> {
  const store = openSqliteStore(file)
  await store.insertObservations(Array.from({ length: minutes }, (_, m) => reading(m)))
  await store.close()
}

test('a restore keeps the store it replaces aside, whole, and the restored one counts as the backup', async () => {
  await storeWith(join(dir, 'a.sqlite'), 3)
  const counts = await backupSqlite(join(dir, 'a.sqlite'), join(dir, 'backup.sqlite'))
  expect(counts).toMatchObject({ water: 3, audit_log: 0 })
  const target = join(dir, 'data', 'ioc.sqlite')
  await storeWith(target, 5)
  const { counts: restored, aside } = restoreSqlite(
    join(dir, 'backup.sqlite'),
    target,
    Date.parse('2026-12-03T12:00:00Z'),
  )
  expect(restored).toEqual(counts)
  expect(aside).toBe(`${target}.before-restore-2026-12-03T12-00-00-000Z`)
  const old = openSqliteStore(aside as string)
  expect(await old.countObservations()).toBe(5)
  await old.close()
})

test('a backup never overwrites a file, and a damaged or foreign file is not restored', async () => {
  await storeWith(join(dir, 'a.sqlite'), 1)
  writeFileSync(join(dir, 'taken.sqlite'), 'x')
  await expect(backupSqlite(join(dir, 'a.sqlite'), join(dir, 'taken.sqlite'))).rejects.toThrow(/exists/)
  writeFileSync(
    join(dir, 'junk.sqlite'),
    'not a database at all, but long enough to look like one '.repeat(100),
  )
  const target = join(dir, 'data', 'ioc.sqlite')
  expect(() => restoreSqlite(join(dir, 'junk.sqlite'), target, 0)).toThrow(/does not (open|read) as/)
  expect(existsSync(target)).toBe(false)
})
