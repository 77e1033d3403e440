import { createClient } from 'redis'
import { afterEach, expect, test } from 'vitest'
import { guardPublishes } from './guard-publishes'

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
afterEach(() => {
  process.off('unhandledRejection', onUnhandled)
  unhandled.length = 0
})

/** A publish whose promise is dropped, as the streams adapter's `doPublish` does, on a closed client. */
async function dropPublish(client: { publish(channel: string, message: string): Promise<number> }) {
  process.on('unhandledRejection', onUnhandled)
  void client.publish('ioc-test:guard', 'hello')
  await new Promise((r) => setTimeout(r, 50))
}

test('a dropped publish that fails is reported, not left unhandled; an awaited one still fails', async () => {
  const client = createClient({ url: REDIS_URL })
  await client.connect()
  expect(await client.publish('ioc-test:guard', 'x')).toBe(0)
  client.destroy()
  const errors: Error[] = []
  const guarded = guardPublishes(client, (err) => errors.push(err))
  await dropPublish(guarded)
  expect(unhandled).toEqual([])
  expect(errors.map((e) => e.message)).toEqual(['The client is closed'])
  await expect(guarded.publish('ioc-test:guard', 'x')).rejects.toThrow(/closed/)
})

test('without the guard the same dropped publish is an unhandled rejection (what killed an instance)', async () => {
  const client = createClient({ url: REDIS_URL })
  await client.connect()
  client.destroy()
  await dropPublish(client)
  expect(unhandled).toHaveLength(1)
})

test('the guarded client is the client: other commands and duplicates work as before', async () => {
  const client = guardPublishes(createClient({ url: REDIS_URL }), () => {})
  await client.connect()
  const other = client.duplicate()
  await other.connect()
  try {
    await client.set('ioc-test:guard:key', 'v', { PX: 5000 })
    expect(await other.get('ioc-test:guard:key')).toBe('v')
    expect(client.isReady).toBe(true)
  } finally {
    await other.close()
    await client.close()
  }
})
