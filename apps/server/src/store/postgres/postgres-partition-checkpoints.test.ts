import pg from 'pg'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { FencedOutError } from '../partition-checkpoint'
import type { Store } from '../store'
import { openPostgresStore } from './postgres-store'
import { createTempSchema } from './temp-schema'

const PARTITION = 33
let schema: Awaited<ReturnType<typeof createTempSchema>>
let store: Store
beforeEach(async () => {
  schema = await createTempSchema('checkpoints')
  store = await openPostgresStore(schema.url)
})
afterEach(async () => {
  await store.close()
  await schema.drop()
})

test('a new owner’s claim waits for the deposed owner’s turn still committing, and resumes after it', async () => {
  await store.claimPartitions([{ partition: PARTITION, token: 1 }], 0)
  // The deposed owner's turn, mid-transaction: its checkpoint row is moved (as persistPartitionTurns'
  // first statements do), its commit not yet sent (a GC pause, a slow disk).
  const deposed = new pg.Client({ connectionString: schema.url })
  await deposed.connect()
  await deposed.query('BEGIN')
  await deposed.query(
    "UPDATE partition_checkpoints SET stream_cursor = '9-0' WHERE partition = $1 AND token = 1",
    [PARTITION],
  )
  let settled = false
  const claim = store.claimPartitions([{ partition: PARTITION, token: 2 }], 0).finally(() => {
    settled = true
  })
  await new Promise((r) => setTimeout(r, 300))
  expect(settled).toBe(false)
  await deposed.query('COMMIT')
  await deposed.end()
  // Resumed after the deposed owner's last entry, so that entry is not judged twice.
  expect((await claim).get(PARTITION)?.cursor).toBe('9-0')
  const [late] = await store.persistPartitionTurns([
    {
      claim: { partition: PARTITION, token: 1 },
      cursor: '10-0',
      turn: { writes: [], state: null, readTimes: {} },
    },
  ])
  expect(late).toBeInstanceOf(FencedOutError)
})
