import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Observation } from '@ioc/domain'
import { afterAll, expect, test } from 'vitest'
import { hashToken, newToken } from '../src/auth/tokens'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import { serveProcess } from './serve-process'
import { ndjson, speed } from './test-server'

const BIN = fileURLToPath(new URL('../bin/ioc.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'ioc-backup-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) c.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** Runs `ioc <args>` on DATA_DIR `dataDir` to its end. */
function ioc(dataDir: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  child.stdout?.on('data', (c: Buffer) => (out += c))
  child.stderr?.on('data', (c: Buffer) => (out += c))
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })))
}

const keyOf = (o: Observation) => (o.type === 'traffic' ? `${o.segmentId}|${o.observedAt}|${o.source}` : '')

test('a backup taken during ingest holds every observation acknowledged before it began, and restores into a new data dir', async () => {
  const live = join(dir, 'live')
  const key = newToken('ingest-key')
  const seed = openSqliteStore(join(live, 'ioc.sqlite'))
  await seed.createToken({ kind: 'ingest-key', name: 'feed', tokenHash: hashToken(key), createdAt: 0 })
  await seed.close()
  const { url } = await serveProcess(
    { PORT: '0', DATA_DIR: live, LOG_LEVEL: 'info', IOC_ADMIN_PASSWORD: 'backup test password' },
    children,
  )

  // One feed posting 2,000 segment readings a batch, a minute of data apart, until told to stop.
  const acknowledged: Observation[][] = []
  let feeding = true
  const start = Date.now() - 2 * 86_400_000
  const feed = (async () => {
    for (let k = 0; feeding; k++) {
      const batch = Array.from({ length: 2000 }, (_, i) => speed(i, 20 + ((i + k) % 40), start + k * 60_000))
      const res = await fetch(`${url}/api/v1/observations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
        body: ndjson(batch),
      })
      expect(res.status).toBe(200)
      acknowledged.push(batch)
    }
  })()
  while (acknowledged.length < 3) await new Promise((r) => setTimeout(r, 20))

  const before = acknowledged.flat()
  const backupFile = join(dir, 'ioc-backup.sqlite')
  const backup = await ioc(live, 'backup', backupFile)
  const duringBackup = acknowledged.length
  feeding = false
  await feed
  expect(backup).toMatchObject({ code: 0, out: expect.stringMatching(/^backed up .* observations/) })
  // The feed went on while the backup ran.
  expect(duringBackup).toBeGreaterThan(before.length / 2000)

  const refused = await ioc(live, 'restore', backupFile)
  expect(refused).toMatchObject({ code: 2, out: expect.stringMatching(/a server \(pid \d+\) is running on/) })

  const fresh = join(dir, 'fresh')
  const restored = await ioc(fresh, 'restore', backupFile)
  expect(restored).toMatchObject({
    code: 0,
    out: expect.stringMatching(/^restored .* all \d+ tables counted and matched/),
  })

  const store = openSqliteStore(join(fresh, 'ioc.sqlite'))
  const stored = new Set<string>()
  for await (const page of store.observationsInRange(start, Date.now()))
    for (const o of page) stored.add(keyOf(o))
  expect(before.filter((o) => !stored.has(keyOf(o)))).toEqual([])
  expect(stored.size).toBeLessThanOrEqual(acknowledged.flat().length)
  // The restored store answers as the live one did, rollups included.
  const h = await store.history({
    type: 'traffic',
    subjectId: before[0]?.type === 'traffic' ? before[0].segmentId : '',
    fromMs: start,
    toMs: start + 3 * 60_000,
    maxPoints: 10,
  })
  expect(h.points.map((p) => p.count)).toEqual([1, 1, 1])
  await store.close()
}, 120_000)
