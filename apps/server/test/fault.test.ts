import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IngestResult, Observation } from '@ioc/domain'
import Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { hashToken, newToken } from '../src/auth/tokens'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import { serveProcess } from './serve-process'
import { ndjson, network } from './test-server'

const dataDir = mkdtempSync(join(tmpdir(), 'ioc-fault-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) c.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

/** `ioc serve` on this test's DATA_DIR. */
const serve = () =>
  serveProcess(
    { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', IOC_ADMIN_PASSWORD: 'fault test admin pw' },
    children,
  )

function exited(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((r) => child.once('exit', r))
}

const BATCH = 500
/** Batch n: 500 distinct segments at one minute, tagged with its number as the source. */
const T0 = Date.now() - 3600_000
function batch(n: number): Observation[] {
  const at = new Date(T0 + n * 1000).toISOString()
  return Array.from({ length: BATCH }, (_, i) => ({
    type: 'traffic',
    segmentId: network.segments[(n * 7 + i) % network.segments.length]?.id as string,
    observedAt: at,
    speedKph: (n + i) % 90,
    source: `batch-${n}`,
  }))
}

function send(url: string, key: string, n: number): Promise<Response> {
  return fetch(`${url}/api/v1/observations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    body: ndjson(batch(n)),
  })
}

test('SIGKILL in the middle of a stream of batches loses no acknowledged batch and stores none twice', async () => {
  const key = newToken('ingest-key')
  const seed = openSqliteStore(join(dataDir, 'ioc.sqlite'))
  await seed.createToken({ kind: 'ingest-key', name: 'feed', tokenHash: hashToken(key), createdAt: 0 })
  await seed.close()

  const first = await serve()
  const acked = new Set<number>()
  const sent = new Set<number>()
  let nextBatch = 0
  let killed = false
  // Four feeds stream batches back to back; the server is killed once 40 batches are acknowledged.
  const feed = async () => {
    while (!killed) {
      const n = nextBatch++
      sent.add(n)
      try {
        const res = await send(first.url, key, n)
        if (res.ok) acked.add(n)
      } catch {
        // The connection died with the server: this batch is unacknowledged.
      }
      if (acked.size >= 40 && !killed) {
        killed = true
        first.child.kill('SIGKILL')
      }
    }
  }
  await Promise.all([feed(), feed(), feed(), feed()])
  await exited(first.child)
  expect(acked.size).toBeGreaterThanOrEqual(40)
  // Some batches were in flight when the server died.
  expect(sent.size).toBeGreaterThan(acked.size)

  const second = await serve()
  // Straight from the file: every acknowledged batch is there whole; any other batch is all or nothing.
  const db = new Database(join(dataDir, 'ioc.sqlite'), { readonly: true })
  const stored = new Map(
    (
      db
        .prepare(
          'SELECT s.name AS source, COUNT(*) AS n FROM traffic t JOIN sources s ON s.id = t.source GROUP BY s.name',
        )
        .all() as {
        source: string
        n: number
      }[]
    ).map((r) => [r.source, r.n]),
  )
  db.close()
  for (const n of acked) expect(stored.get(`batch-${n}`), `batch ${n}`).toBe(BATCH)
  for (const n of sent) expect([undefined, BATCH]).toContain(stored.get(`batch-${n}`))

  // Feeds retry what was not acknowledged: acknowledged batches come back as duplicates only.
  for (const n of sent) {
    const r = (await (await send(second.url, key, n)).json()) as IngestResult
    if (acked.has(n)) expect(r).toEqual({ accepted: 0, duplicates: BATCH })
    else expect(r.accepted + r.duplicates).toBe(BATCH)
  }
  const check = new Database(join(dataDir, 'ioc.sqlite'), { readonly: true })
  expect(check.prepare('SELECT COUNT(*) FROM traffic').pluck().get()).toBe(sent.size * BATCH)
  check.close()
  second.child.kill('SIGTERM')
  await exited(second.child)
}, 60_000)

test('SIGTERM lets the batches in flight finish, then exits cleanly', async () => {
  const key = newToken('ingest-key')
  const seed = openSqliteStore(join(dataDir, 'ioc.sqlite'))
  await seed.createToken({ kind: 'ingest-key', name: 'graceful', tokenHash: hashToken(key), createdAt: 0 })
  await seed.close()
  const { url, child } = await serve()
  const inFlight = [1000, 1001, 1002, 1003].map((n) => send(url, key, n))
  // Give the requests time to reach the server, not to finish.
  await new Promise((r) => setTimeout(r, 20))
  child.kill('SIGTERM')
  const answers = await Promise.allSettled(inFlight)
  await exited(child)
  expect(child.exitCode).toBe(0)
  const answered = answers.filter((a) => a.status === 'fulfilled').map((a) => a.value.status)
  expect(answered.length).toBeGreaterThan(0)
  expect(answered.every((status) => status === 200)).toBe(true)
}, 30_000)
