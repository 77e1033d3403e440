import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PARTITION_COUNT, partitionOf, partitionOfObservation } from '@ioc/cluster'
import type { Alert, Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig } from '@ioc/rules'
import pino from 'pino'
import { createClient } from 'redis'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { lifecycleOn } from '../store/alert-store-contract'
import { openPostgresStore } from '../store/postgres/postgres-store'
import { createTempSchema } from '../store/postgres/temp-schema'
import { openSqliteStore } from '../store/sqlite/sqlite-store'
import type { Store } from '../store/store'
import { ownPartitions, type PartitionOwner, type PartitionOwnerOptions } from './partition-owner'
import { holdPartitions, type PartitionOwnership } from './partition-ownership'
import { partitionRequests } from './partition-requests'
import { partitionKeys } from './partition-scripts'
import { handOffObservations, type StreamRedis } from './partition-streams'

// Against the real Redis and PostgreSQL `.ci/run` starts; each test has a key prefix and schema of its own.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const TTL_MS = 3000
const T0 = Date.parse('2025-11-06T17:00:00+07:00')
const MIN = 60_000
const logger = pino({ level: process.env.TEST_LOG ?? 'silent' })
const network = loadNetwork()
const rules = defaultRulesConfig()
const partitions = Array.from({ length: PARTITION_COUNT }, (_, p) => p)

interface Member {
  ownership: PartitionOwnership
  owner: PartitionOwner
  store: Store
  clients: StreamRedis[]
  closed: boolean
}

let prefix: string
let schema: Awaited<ReturnType<typeof createTempSchema>>
let admin: StreamRedis
let members: Member[]

beforeEach(async () => {
  prefix = `ioc-test-owner-${randomBytes(4).toString('hex')}`
  schema = await createTempSchema('owner')
  admin = createClient({ url: REDIS_URL })
  await admin.connect()
  members = []
})

afterEach(async () => {
  for (const m of members) await leave(m)
  const left = await admin.keys(`${prefix}:*`)
  if (left.length) await admin.del(left)
  await admin.close()
  await schema.drop()
})

/**
 * An instance's partitioned engine: ownership over Redis, the owner loop over its streams, its own
 * store (as `through` lets the owner see it), and what it publishes of its claims.
 */
async function joinAs(
  holder: string,
  {
    through = (store: Store): PartitionOwnerOptions['store'] => store,
    onClaimed = () => {},
  }: {
    through?: (store: Store) => PartitionOwnerOptions['store']
    onClaimed?: PartitionOwnerOptions['onClaimed']
  } = {},
): Promise<Member> {
  const clients: StreamRedis[] = [createClient({ url: REDIS_URL }), createClient({ url: REDIS_URL })]
  for (const c of clients) {
    c.on('error', () => {})
    await c.connect()
  }
  const [leases, reader] = clients as [StreamRedis, StreamRedis]
  const ownership = holdPartitions(leases, { prefix, holder, ttlMs: TTL_MS, logger })
  const store = await openPostgresStore(schema.url)
  const owner = ownPartitions({
    ownership,
    store: through(store),
    reader,
    prefix,
    network,
    rules,
    logger,
    onCommitted: () => {},
    onClaimed,
    blockMs: 100,
  })
  const m = { ownership, owner, store, clients, closed: false }
  members.push(m)
  return m
}

/** A graceful leave: the owner loop stops after its turns in flight, then the leases go. */
async function leave(m: Member): Promise<void> {
  if (m.closed) return
  m.closed = true
  await m.owner.close()
  await m.ownership.close()
  await m.store.close()
  for (const c of m.clients) await c.close()
}

async function until(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const started = performance.now()
  while (!(await done())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not ${what} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Whether every partition's stream has been judged up to its last entry by the members still in. */
async function caughtUp(): Promise<boolean> {
  const keys = partitionKeys(prefix)
  const tails = await Promise.all(
    partitions.map((p) => admin.xRevRange(keys.stream(p), '+', '-', { COUNT: 1 })),
  )
  const live = members.filter((m) => !m.closed)
  return partitions.every((p) => {
    const tail = tails[p]?.[0]?.id
    return tail === undefined || live.some((m) => m.owner.cursors().get(p) === tail)
  })
}

const gauge = (stationId: string, ms: number, value: number): Observation => ({
  type: 'water',
  stationId,
  observedAt: new Date(ms).toISOString(),
  value,
  source: 'sihymete',
})
/** A gauge outside Phú An's partition. */
const otherGauge = () => {
  const other = network.stations.find(
    (x) =>
      x.kind !== 'street-flood-sensor' && partitionOf(`station:${x.id}`) !== partitionOf('station:phu-an'),
  )
  if (!other || other.kind === 'street-flood-sensor') throw new Error('no other gauge')
  return other
}

/**
 * On Phú An's partition: a reading that raises its alert, an entry the engine throws on (`[null]`), a
 * request that does not parse, and a reading that takes the alert to critical; one more gauge's alert
 * on another partition. Put on the streams before an owner runs, so its first read takes them together.
 */
async function streamWithBadEntries(): Promise<{ stream: string; otherId: string }> {
  const stream = partitionKeys(prefix).stream(partitionOf('station:phu-an'))
  const other = otherGauge()
  await handOffObservations(admin, prefix, [gauge('phu-an', T0, 1.45)])
  await admin.xAdd(stream, '*', { obs: '[null]' })
  await admin.xAdd(stream, '*', { req: '{"type":"nope"}' })
  await handOffObservations(admin, prefix, [
    gauge('phu-an', T0 + 10 * MIN, 1.62),
    gauge(other.id, T0, other.alarmLevelsM.I + 0.3),
  ])
  return { stream, otherId: other.id }
}

/** The water-level alerts stored, by station id. */
async function waterAlerts(store: Store): Promise<Map<string, Alert[]>> {
  const out = new Map<string, Alert[]>()
  for (const a of await store.listAlerts({ kind: 'water-level', state: 'all' }))
    out.set(a.subject.id, [...(out.get(a.subject.id) ?? []), a])
  return out
}

/** Every other road segment: with the stations, alerts for every partition, within one `GET /alerts` (5,000). */
const segments = network.segments.filter((_, i) => i % 2 === 0)

/**
 * Every gauge and flood sensor past its top level and the segments at walking pace, then the
 * gauges back below their first: readings for every partition, each raising (and some clearing) alerts.
 */
function cityInDistress(): Observation[][] {
  const steps: Observation[][] = []
  const at = (ms: number) => new Date(ms).toISOString()
  for (const [i, minutes] of [0, 5, 10, 15, 20, 180].entries()) {
    const t = T0 + minutes * MIN
    const batch: Observation[] = []
    for (const s of network.stations) {
      if (minutes === 180 && s.kind === 'street-flood-sensor') continue
      const value =
        s.kind === 'street-flood-sensor'
          ? s.depthLevelsCm[2] + 5 + i
          : minutes === 180
            ? s.alarmLevelsM.I - 0.5
            : (s.alarmLevelsM.III ?? s.alarmLevelsM.II ?? s.alarmLevelsM.I) + 0.1 + i * 0.01
      batch.push({ type: 'water', stationId: s.id, observedAt: at(t), value, source: 'sihymete' })
    }
    if (minutes < 180) {
      for (const g of segments) {
        batch.push({ type: 'traffic', segmentId: g.id, observedAt: at(t), speedKph: 2, source: 'tomtom' })
      }
    }
    // As feeds send them: batches of at most 5,000 readings.
    for (let k = 0; k < batch.length; k += 5000) steps.push(batch.slice(k, k + 5000))
  }
  return steps
}

/** What a duty officer sees of an alert, without the ids each run draws afresh. */
const seen = (alerts: Alert[]) =>
  alerts
    .map(({ key, kind, severity, active, raisedAt, value, cause, peak }) => ({
      key,
      kind,
      severity,
      active,
      raisedAt,
      value,
      cause,
      peak,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.raisedAt - b.raisedAt))

/** The single-instance path over the same batches, in the same order: what the cluster must agree with. */
async function singleInstance(batches: Observation[][]): Promise<Alert[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-owner-baseline-'))
  const store = openSqliteStore(join(dir, 'ioc.sqlite'))
  try {
    const lifecycle = await lifecycleOn(store)
    for (const b of batches) await lifecycle.ingest(b, T0)
    return await store.listAlerts({ state: 'all' })
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

test('two owners judge every partition’s readings once, through a hand-over: the alerts one instance raises', async () => {
  const batches = cityInDistress()
  const expected = seen(await singleInstance(batches))
  expect(new Set(batches.flat().map(partitionOfObservation)).size).toBe(PARTITION_COUNT)
  expect(expected.length).toBeGreaterThan(2000)
  expect(expected.length).toBeLessThan(5000)
  expect(new Set(expected.map((a) => a.key)).size).toBe(expected.length)

  const [a, b] = [await joinAs('ioc-1'), await joinAs('ioc-2')]
  await until(
    () => a.owner.cursors().size + b.owner.cursors().size === PARTITION_COUNT && b.owner.cursors().size > 0,
    'both owning',
  )
  const half = Math.ceil(batches.length / 2)
  for (const batch of batches.slice(0, half)) await handOffObservations(admin, prefix, batch)
  // ioc-2 leaves mid-stream, perhaps mid-turn: ioc-1 takes its partitions from their checkpoints.
  await new Promise((r) => setTimeout(r, 50))
  await leave(b)
  for (const batch of batches.slice(half)) await handOffObservations(admin, prefix, batch)
  await until(() => a.owner.cursors().size === PARTITION_COUNT, 'ioc-1 owning all')
  await until(caughtUp, 'caught up')

  const stored = await a.store.listAlerts({ state: 'all' })
  expect(seen(stored)).toEqual(expected)
}, 60_000)

test('officers’ actions and silences go to the owner of the alert’s partition, in order with its readings', async () => {
  const [a] = [await joinAs('ioc-1'), await joinAs('ioc-2')]
  const sub: StreamRedis = createClient({ url: REDIS_URL })
  await sub.connect()
  const asker = await partitionRequests({
    redis: admin,
    subscriber: sub,
    prefix,
    instanceId: 'ioc-3',
    timeoutMs: 10_000,
  })
  const stored = async (stationId: string) =>
    (await a.store.listAlerts({ kind: 'water-level', state: 'all' })).find((x) => x.subject.id === stationId)
  try {
    await handOffObservations(admin, prefix, [gauge('phu-an', T0, 1.45)])
    await until(async () => (await stored('phu-an')) !== undefined, 'raised')
    const raised = (await stored('phu-an')) as Alert
    const act = (by: string) =>
      asker.ask(partitionOf('station:phu-an'), {
        type: 'act',
        alertId: raised.id,
        action: { type: 'acknowledge', note: '' },
        by,
        origin: 'test',
        atMs: T0 + MIN,
      })
    expect(await act('lan')).toMatchObject({ ok: true, alerts: [{ ack: { by: 'lan' } }] })
    // Of two acknowledgements the second learns who was first, wherever it was sent from.
    expect(await act('minh')).toEqual({
      ok: false,
      error: { code: 'already_acknowledged', by: 'lan', at: T0 + MIN },
    })
    // The owner's book holds the acknowledgement: the next reading changes the alert and keeps it.
    await handOffObservations(admin, prefix, [gauge('phu-an', T0 + 10 * MIN, 1.62)])
    await until(async () => (await stored('phu-an'))?.severity === 'critical', 'severity changed')
    expect((await stored('phu-an'))?.ack?.by).toBe('lan')

    const other = otherGauge()
    const silence = await a.store.createSilence(
      {
        subject: { type: 'station', id: other.id },
        reason: 'gauge maintenance',
        until: Date.now() + 3600_000,
      },
      'lan',
      Date.now(),
    )
    expect(await asker.ask(partitionOf(`station:${other.id}`), { type: 'silence', silence })).toEqual({
      ok: true,
      alerts: [],
    })
    await handOffObservations(admin, prefix, [gauge(other.id, T0, other.alarmLevelsM.I + 0.3)])
    await until(async () => (await stored(other.id)) !== undefined, 'raised on the silenced gauge')
    expect((await stored(other.id))?.silenced).toBe(true)
  } finally {
    await asker.close()
    await sub.close()
  }
}, 60_000)

test('a deployment that grows from one instance to several keeps its engine’s memory: no alert is raised again', async () => {
  const batches = cityInDistress()
  const expected = seen(await singleInstance(batches))
  // The first two steps (0 and 5 min) judged by one instance without Redis, its engine state in
  // `rules_state`: the gauges' alerts raised, the jams still pending (sustained congestion waits).
  const alone = await openPostgresStore(schema.url)
  const lifecycle = await lifecycleOn(alone)
  const before = batches.findIndex((b) => Date.parse(b[0]?.observedAt ?? '') >= T0 + 10 * MIN)
  for (const b of batches.slice(0, before)) await lifecycle.ingest(b, T0)
  const open = await alone.listAlerts({ state: 'open' })
  expect(open.some((x) => x.kind === 'water-level')).toBe(true)
  await alone.close()

  // Then two instances: each partition starts from its share of that state, not from nothing.
  const [a, b] = [await joinAs('ioc-1'), await joinAs('ioc-2')]
  await until(
    () => a.owner.cursors().size + b.owner.cursors().size === PARTITION_COUNT && b.owner.cursors().size > 0,
    'both owning',
  )
  for (const batch of batches.slice(before)) await handOffObservations(admin, prefix, batch)
  await until(caughtUp, 'caught up')
  expect(seen(await a.store.listAlerts({ state: 'all' }))).toEqual(expected)
}, 60_000)

test('a cluster shrunk to one instance without Redis resumes from the partitions’ state, and grows again from its', async () => {
  const batches = cityInDistress()
  const expected = seen(await singleInstance(batches))
  const at = (minutes: number) =>
    batches.findIndex((b) => Date.parse(b[0]?.observedAt ?? '') >= T0 + minutes * MIN)
  // 0 and 5 min judged by two owners: the jams pending in their partitions' state.
  const [a, b] = [await joinAs('ioc-1'), await joinAs('ioc-2')]
  await until(() => a.owner.cursors().size + b.owner.cursors().size === PARTITION_COUNT, 'owning all')
  for (const batch of batches.slice(0, at(10))) await handOffObservations(admin, prefix, batch)
  await until(caughtUp, 'caught up')
  await leave(a)
  await leave(b)

  // 10 and 15 min: one instance without Redis, from the state the partitions left.
  const alone = await openPostgresStore(schema.url)
  expect(await alone.foldPartitionState()).toBe(PARTITION_COUNT)
  expect(await alone.foldPartitionState()).toBe(0)
  const lifecycle = await lifecycleOn(alone)
  for (const batch of batches.slice(at(10), at(20))) await lifecycle.ingest(batch, T0)
  await alone.close()

  // 20 and 180 min: a cluster again, seeded from that instance's state.
  const c = await joinAs('ioc-3')
  await until(() => c.owner.cursors().size === PARTITION_COUNT, 'ioc-3 owning all')
  for (const batch of batches.slice(at(20))) await handOffObservations(admin, prefix, batch)
  await until(caughtUp, 'caught up again')
  expect(seen(await c.store.listAlerts({ state: 'all' }))).toEqual(expected)
}, 60_000)

test('a new owner publishes the alerts it claims: the last owner may have died before publishing its commit', async () => {
  // ioc-1 commits the alert, and publishes nothing, as if killed between its commit and its push.
  const a = await joinAs('ioc-1')
  const phuAn = 'station:phu-an'
  await until(() => a.owner.cursors().has(partitionOf(phuAn)), 'ioc-1 owning')
  await handOffObservations(admin, prefix, [
    {
      type: 'water',
      stationId: 'phu-an',
      observedAt: new Date(T0).toISOString(),
      value: 1.62,
      source: 'sihymete',
    },
  ])
  await until(async () => (await a.store.listAlerts({ state: 'all' })).length > 0, 'raised')
  const [stored] = await a.store.listAlerts({ state: 'all' })

  const published: Alert[] = []
  const b = await joinAs('ioc-2', { onClaimed: (alerts) => published.push(...alerts) })
  await leave(a)
  await until(() => b.owner.cursors().size === PARTITION_COUNT, 'ioc-2 owning all')
  expect(published).toEqual([stored])
}, 60_000)

test('entries the engine throws on or that do not parse are kept in the dead letters and skipped; the readings around them are judged once', async () => {
  const { stream, otherId } = await streamWithBadEntries()
  const a = await joinAs('ioc-1')
  await until(caughtUp, 'caught up')
  const alerts = await waterAlerts(a.store)
  expect(alerts.get('phu-an')).toMatchObject([{ severity: 'critical', cause: { value: 1.45 } }])
  expect(alerts.get(otherId)).toHaveLength(1)
  const dead = await a.store.listDeadLetters({ limit: 10 })
  expect(dead.map((d) => [d.topic, d.payload])).toEqual([
    [stream, '{"type":"nope"}'],
    [stream, '[null]'],
  ])
  expect(dead[1]?.reason).toMatch(/^entry \d+-\d+: /)
  // The checkpoint is past them: the next owner does not meet them again, and the loop goes on.
  await leave(a)
  const b = await joinAs('ioc-2')
  await handOffObservations(admin, prefix, [gauge('phu-an', T0 + 180 * MIN, 1.0)])
  await until(caughtUp, 'caught up again')
  expect((await waterAlerts(b.store)).get('phu-an')).toHaveLength(1)
  expect(await b.store.listDeadLetters({ limit: 10 })).toHaveLength(2)
}, 60_000)

test('while PostgreSQL fails, nothing is skipped: the turns and the dead letter wait for it', async () => {
  const down = { persistPartitionTurns: 3, addDeadLetter: 2 }
  const { stream } = await streamWithBadEntries()
  await joinAs('ioc-1', {
    through: (store) => ({
      claimPartitions: (...args) => store.claimPartitions(...args),
      loadRulesState: (options) => store.loadRulesState(options),
      getAlert: (id) => store.getAlert(id),
      async persistPartitionTurns(...args) {
        if (down.persistPartitionTurns-- > 0) throw new Error('Connection terminated unexpectedly')
        return store.persistPartitionTurns(...args)
      },
      async addDeadLetter(letter) {
        if (down.addDeadLetter-- > 0) throw new Error('Connection terminated unexpectedly')
        return store.addDeadLetter(letter)
      },
    }),
  })
  await until(caughtUp, 'caught up')
  const store = members[0]?.store as Store
  expect((await waterAlerts(store)).get('phu-an')).toMatchObject([
    { severity: 'critical', cause: { value: 1.45 } },
  ])
  expect((await store.listDeadLetters({ limit: 10 })).map((d) => [d.topic, d.payload])).toEqual([
    [stream, '{"type":"nope"}'],
    [stream, '[null]'],
  ])
}, 60_000)
