import { join } from 'node:path'
import type { PublicWarning, PublicWarningList } from '@ioc/domain'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { level, ndjson, startTestServer, type TestServer } from './test-server'

/**
 * The drafts waiting, once the server has planned (planning follows the alert change it is told of).
 * Through the API: a restarted test server's `store` is not the DATA_DIR it was given.
 */
async function pendingOf(s: TestServer, count: number): Promise<PublicWarning[]> {
  const token = await s.login('duty-officer')
  const end = Date.now() + 5000
  for (;;) {
    const res = await s.api('/warnings?state=pending', { token })
    const { warnings: ws } = (await res.json()) as PublicWarningList
    if (ws.length >= count || Date.now() > end) return ws
    await new Promise((r) => setTimeout(r, 50))
  }
}

test("a warning lost between its alert's commit and its own is drafted at the next start, once", async () => {
  const first = await startTestServer()
  const { dataDir, ingestKey } = first
  await first.ingest(ndjson([level('nha-be', 1.62)]))
  const [drafted] = await pendingOf(first, 1)
  expect(drafted).toMatchObject({
    kind: 'water-level',
    alertSeverity: 'critical',
    message: { msgType: 'Alert' },
  })
  await first.close()
  await first.store.close()

  // A start with the draft in place plans the open alert again and finds nothing to add.
  const second = await startTestServer({ DATA_DIR: dataDir })
  await second.ingest(ndjson([level('nha-be', 1.63)]), undefined, ingestKey)
  await new Promise((r) => setTimeout(r, 300))
  expect((await pendingOf(second, 2)).map((w) => w.id)).toEqual([drafted?.id])
  await second.close()
  await second.store.close()

  // As after a crash between the two commits: the alert is stored, its warning is not.
  const db = new Database(join(dataDir, 'ioc.sqlite'))
  db.exec('DELETE FROM public_warnings')
  db.close()
  const third = await startTestServer({ DATA_DIR: dataDir })
  try {
    const again = await pendingOf(third, 1)
    expect(again.map((w) => [w.alertId, w.message.msgType, w.alertSeverity])).toEqual([
      [drafted?.alertId, 'Alert', 'critical'],
    ])
  } finally {
    await third.stop()
  }
}, 120_000)
