import { randomBytes } from 'node:crypto'
import { assignPartitions, PARTITION_COUNT } from '@ioc/cluster'
import pino from 'pino'
import { createClient } from 'redis'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { holdPartitions, type PartitionOwnership } from './partition-ownership'
import { partitionKeys, type ScriptRedis } from './partition-scripts'

// Against the real Redis `.ci/run` starts; each test has a key prefix of its own.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
// Long enough that a loaded CI machine (two cores, every test file at once) renews in time.
const TTL_MS = 2000
const logger = pino({ level: 'silent' })
const partitions = Array.from({ length: PARTITION_COUNT }, (_, p) => p)

interface Member {
  id: string
  ownership: PartitionOwnership
  /** Its own connection, which a test may drop as a killed process would. */
  client: { isOpen: boolean; destroy(): void; close(): Promise<void> }
  /** From now on its Redis requests never answer (a partition, a stalled Redis). */
  hang(): void
}

let prefix: string
let keys: ReturnType<typeof partitionKeys>
let admin: ReturnType<typeof createClient>
let members: Member[]
/** Every partition gained, in the order it happened, with the token it came with. */
let gains: { partition: number; holder: string; token: number }[]
/** Moments at which two members owned one partition: must stay empty. */
let overlaps: string[]
let sampler: NodeJS.Timeout

beforeEach(async () => {
  prefix = `ioc-test-partitions-${randomBytes(4).toString('hex')}`
  keys = partitionKeys(prefix)
  admin = createClient({ url: REDIS_URL })
  await admin.connect()
  members = []
  gains = []
  overlaps = []
  sampler = setInterval(sample, 5)
})

afterEach(async () => {
  clearInterval(sampler)
  await Promise.all(members.map((m) => m.ownership.close()))
  for (const m of members) if (m.client.isOpen) await m.client.close()
  const left = await admin.keys(`${prefix}:*`)
  if (left.length) await admin.del(left)
  await admin.close()
})

/** Samples every member's view at one instant: no partition may have two owners. */
function sample(): void {
  for (const p of partitions) {
    const owners = members.filter((m) => m.ownership.owns(p)).map((m) => m.id)
    if (owners.length > 1) overlaps.push(`partition ${p}: ${owners.join(', ')}`)
  }
}

async function join(id: string, ttlMs = TTL_MS): Promise<Member> {
  const client = createClient({ url: REDIS_URL })
  client.on('error', () => {})
  await client.connect()
  let hung = false
  const redis: ScriptRedis = {
    eval: (script, options) => (hung ? new Promise(() => {}) : client.eval(script, options)),
  }
  const ownership = holdPartitions(redis, { prefix, holder: id, ttlMs, logger })
  ownership.onChange((gained) => {
    for (const partition of gained)
      gains.push({ partition, holder: id, token: ownership.tokenOf(partition) ?? -1 })
    sample()
  })
  const member: Member = { id, ownership, client, hang: () => (hung = true) }
  members.push(member)
  return member
}

/** Three members, once they own the partitions as assigned. */
async function settledThree(): Promise<[Member, Member, Member]> {
  const three = await Promise.all([join('ioc-1'), join('ioc-2'), join('ioc-3')])
  await until(() => settled(three), 'settled with three')
  return three
}

/** Whether exactly the assignment among `live` holds: each partition owned by its member, by nobody else. */
function settled(live: Member[]): boolean {
  const owners = assignPartitions(live.map((m) => m.id))
  return partitions.every((p) => members.every((m) => m.ownership.owns(p) === (m.id === owners[p])))
}

/** Polls `done` until it holds; how long that took, in ms. */
async function until(done: () => boolean, what: string, timeoutMs = 6 * TTL_MS): Promise<number> {
  const started = performance.now()
  while (!done()) {
    if (performance.now() - started > timeoutMs) throw new Error(`not ${what} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
  return performance.now() - started
}

/** What the lease of every partition says in Redis: `<holder> <token>`, or null. */
const leaseValues = () => Promise.all(partitions.map((p) => admin.get(keys.lease(p))))

/** Never two owners at once, and a partition's token grows with every change of owner. */
function expectSafe(): void {
  expect(overlaps).toEqual([])
  const last = new Map<number, { holder: string; token: number }>()
  for (const g of gains) {
    const prev = last.get(g.partition)
    if (prev && prev.holder !== g.holder)
      expect(g.token, `partition ${g.partition}`).toBeGreaterThan(prev.token)
    last.set(g.partition, g)
  }
}

test('two members own every partition between them, each once, as the assignment says', async () => {
  const [a, b] = await Promise.all([join('ioc-1'), join('ioc-2')])
  // Joining together, one may take its share before it has seen the other's heartbeat: the split can
  // be right while its view is a step behind.
  await until(() => settled([a, b]) && a.ownership.members().length === 2, 'settled')
  expect([a.ownership.owned().length, b.ownership.owned().length]).toEqual([32, 32])
  expect(a.ownership.members()).toEqual(['ioc-1', 'ioc-2'])
  const owner = (p: number) => (a.ownership.owns(p) ? a : b)
  expect(await leaseValues()).toEqual(
    partitions.map((p) => `${owner(p).id} ${owner(p).ownership.tokenOf(p)}`),
  )
  expectSafe()
}, 20_000)

test('three members split the partitions 22/21/21 with one owner each', async () => {
  const three = await settledThree()
  expect(three.map((m) => m.ownership.owned().length).sort()).toEqual([21, 21, 22])
  const held = (await leaseValues()).map((v) => v?.split(' ')[0])
  expect(held).toEqual(assignPartitions(['ioc-1', 'ioc-2', 'ioc-3']))
  expectSafe()
}, 20_000)

test('a member joining is handed its share by the others, and only those partitions change hands', async () => {
  // Long enough that handing over (the others' next step, then the joiner's: two periods, 3.3 s at most)
  // cannot be mistaken for leases left to expire (at least one TTL, 5 s).
  const ttlMs = 5000
  const [a, b] = await Promise.all([join('ioc-1', ttlMs), join('ioc-2', ttlMs)])
  await until(() => settled([a, b]), 'settled with two', 3 * ttlMs)
  const before = assignPartitions(['ioc-1', 'ioc-2'])
  const gainedBefore = gains.length
  const c = await join('ioc-3', ttlMs)
  const tookMs = await until(() => settled([a, b, c]), 'settled with three', 3 * ttlMs)
  expect(tookMs).toBeLessThan(ttlMs)
  const after = assignPartitions(['ioc-1', 'ioc-2', 'ioc-3'])
  const moved = partitions.filter((p) => before[p] !== after[p])
  expect(c.ownership.owned()).toEqual(partitions.filter((p) => after[p] === 'ioc-3'))
  expect(
    gains
      .slice(gainedBefore)
      .map((g) => g.partition)
      .sort((x, y) => x - y),
  ).toEqual(moved)
  expectSafe()
}, 30_000)

test('a member leaving releases its leases at once, and the others take its partitions', async () => {
  const [a, b, c] = await settledThree()
  await c.ownership.close()
  expect(c.ownership.owned()).toEqual([])
  // Released, not left to expire: no lease names it, and the members set no longer lists it.
  expect((await leaseValues()).filter((v) => v?.startsWith('ioc-3 '))).toEqual([])
  expect((await admin.zRange(keys.members, 0, -1)).sort()).toEqual(['ioc-1', 'ioc-2'])
  await until(() => settled([a, b]), 'settled with two')
  expectSafe()
}, 20_000)

test("a killed member's partitions go to the others once its leases expire, and never to two", async () => {
  const [a, b, c] = await settledThree()
  const killedAt = performance.now()
  // As SIGKILL leaves it: the connection gone, nothing released, the leases still standing.
  c.client.destroy()
  const tookMs = await until(() => settled([a, b]), 'taken over')
  // Its leases were renewed at most a period before the kill, so they stood at least 2/3 TTL after it.
  expect(performance.now() - killedAt).toBeGreaterThanOrEqual((2 / 3) * TTL_MS)
  expect(tookMs).toBeLessThan(6 * TTL_MS)
  expect(c.ownership.owned()).toEqual([])
  expectSafe()
}, 20_000)

test('an owner whose Redis stops answering steps down while its leases still stand', async () => {
  const ttlMs = 3000
  const [a, b] = await Promise.all([join('ioc-1', ttlMs), join('ioc-2', ttlMs)])
  await until(() => settled([a, b]), 'settled')
  const mine = b.ownership.owned()
  let remainingMs: Promise<number[]> | undefined
  b.ownership.onChange((_gained, lost) => {
    remainingMs ??= Promise.all(lost.map((p) => admin.pTTL(keys.lease(p))))
  })
  b.hang()
  await until(() => remainingMs !== undefined, 'told it stepped down', 3 * ttlMs)
  expect(b.ownership.owned()).toEqual([])
  const left = await remainingMs
  expect(left).toHaveLength(mine.length)
  for (const ms of left ?? []) expect(ms).toBeGreaterThan(0)
  // Nobody heard from b since: its heartbeat and leases expire, and a takes everything.
  await until(() => settled([a]), 'taken over', 6 * ttlMs)
  expectSafe()
}, 30_000)

test('fencing tokens grow from owner to owner, also when Redis lost the counters', async () => {
  const a = await join('ioc-1')
  await until(() => settled([a]), 'settled')
  const first = partitions.map((p) => a.ownership.tokenOf(p) ?? 0)
  await a.ownership.close()
  // A Redis restarted without persistence (`--save "" --appendonly no`, as .ci/run starts it).
  await admin.del(partitions.map((p) => keys.token(p)))
  const b = await join('ioc-2')
  await until(() => settled([b]), 'settled')
  for (const p of partitions) expect(b.ownership.tokenOf(p)).toBeGreaterThan(first[p] ?? 0)
  expectSafe()
}, 20_000)
