import type { ChildProcess } from 'node:child_process'
import { availableParallelism, loadavg } from 'node:os'
import { loadNetwork } from '@ioc/fixtures'
import pg from 'pg'
import { afterAll, bench, describe } from 'vitest'
import { partitionKeys } from '../src/cluster/partition-scripts'
import { createDeployment, type Deployment, until } from '../test/scale-cluster'
import { serveProcess, stopServed } from '../test/serve-process'
import { type BenchRow, reportBench } from './bench-report'
import { createCpuLimit } from './cpu-limit'
import { ndjson, networkBatch } from './network-batches'
import { type CpuReport, meterCpu, pidsNamed } from './process-cpu'

/**
 * Scaling out, each instance a process of its own (`ioc serve`): one instance against two, both on
 * PostgreSQL + Redis, so both take the partitioned path (one member owns all 64 partitions, or two own
 * 32 each). On a 2-core machine that also runs PostgreSQL, Redis and the feeds, two ways of giving the
 * instances their CPU are measured in the same run:
 * - a CPU limit per instance (LIMIT cores, a cgroup CFS quota: a pod's `resources.limits.cpu`), small
 *   enough that two instances and everything they lean on still fit in the machine. The instances are
 *   then what bounds ingest, as on a cluster whose database has cores of its own, and the ratio says
 *   whether a second instance adds capacity: the Done-when figure.
 * - each instance pinned to a whole core (taskset; one on cpu 0, two on cpu 0 and cpu 1), which leaves
 *   PostgreSQL to share those cores: the ratio then says how much more this machine carries.
 *
 * The same FEEDS concurrent HTTP NDJSON posters, split over the instances, send the same batches of
 * real-network readings. "Answered" is the last ingest answer; "judged" is when every partition's
 * checkpoint has reached the last readings handed to it, so the owners' rules engine and alert commits
 * are in the figure. The CPU each process used says where the cores went. One instance on PostgreSQL
 * without Redis (the in-process engine, alerts judged before the answer) is the last row.
 *
 * SCALE_CPU_PROF=<dir> writes a V8 CPU profile of every instance there (at its graceful exit).
 */
const BATCH = 5000
const FEEDS = 8
const BATCHES_PER_FEED = 12
/** Batches per feed sent and judged before the measurement: a fresh process compiles for its first second. */
const WARMUP_PER_FEED = 1
const PARTITIONS = 64
/** Cores per limited instance: one at this budget and its PostgreSQL work fit well inside 2 cores, two too. */
const LIMIT = Number(process.env.SCALE_CPU_LIMIT ?? 0.35)
const network = loadNetwork()
const CORES = availableParallelism()
const cpuProfDir = process.env.SCALE_CPU_PROF
/** Each layout's runs, in order; the limited pair runs ROUNDS times, one after the other in turn. */
const results: Record<string, Measured[]> = {}
/**
 * Rounds of the limited pair: a quota-bound run varies by ±15 % from run to run on this machine (the
 * 100 ms CFS periods and PostgreSQL's fsyncs fall differently), so the ratio is the median of rounds,
 * each round's two runs measured back to back.
 */
const ROUNDS = 3
const loadAtStart = loadavg()[0] ?? 0

interface Measured {
  answeredPerS: number
  judgedPerS: number
  stored: number
  alerts: number
  cpu: CpuReport
  /** PostgreSQL transactions committed in the database per 1,000 observations (every instance's). */
  commitsPer1000Obs: number
  /** Per limited instance, the share of CFS periods in which it used its whole quota. */
  throttledShare?: number[]
}

interface Layout {
  instances: number
  /** Pins instance i to CPU i. */
  pinned?: boolean
  /** Limits each instance to LIMIT cores. */
  limited?: boolean
  redis: boolean
}

const placement = (layout: Layout, i: number) =>
  layout.limited ? `${LIMIT} core` : layout.pinned ? `cpu ${i}` : 'unpinned'

/** A stream entry id (`<ms>-<seq>`) as a pair that sorts like the stream. */
const entryId = (id: string): [number, number] => {
  const [ms = '0', seq = '0'] = id.split('-')
  return [Number(ms), Number(seq)]
}
const reached = (cursor: string, target: string) => {
  const [a, b] = [entryId(cursor), entryId(target)]
  return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1])
}

async function measure(label: string, layout: Layout): Promise<Measured> {
  const d: Deployment = await createDeployment(label)
  const children: ChildProcess[] = []
  const db = new pg.Client({ connectionString: d.envOf('').DATABASE_URL })
  await db.connect()
  const appName = `ioc-bench-${d.prefix.slice(-8)}`
  const limits = layout.limited
    ? Array.from({ length: layout.instances }, (_, i) => createCpuLimit(`${appName}-${i}`, LIMIT))
    : []
  try {
    const servers = await Promise.all(
      Array.from({ length: layout.instances }, (_, i) => {
        const dbUrl = new URL(d.envOf('').DATABASE_URL as string)
        // Names this instance's PostgreSQL connections, to find their backends in pg_stat_activity.
        dbUrl.searchParams.set('application_name', `${appName}-${i}`)
        const env = d.envOf(`bench-${i}`, {
          LOG_LEVEL: 'info',
          LIVE_TICK_MS: '100',
          DATABASE_URL: dbUrl.toString(),
          ...(layout.redis ? {} : { REDIS_URL: '' }),
        })
        const nodeFlags = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []
        return serveProcess(env, children, {
          ...(layout.pinned ? { cpu: i } : {}),
          ...(limits[i] ? { cgroupProcs: limits[i].procsFile } : {}),
          nodeFlags,
          echoErrors: true,
        })
      }),
    )
    if (layout.redis) await partitionsSettled(d, db, layout.instances)

    const post = async (url: string, body: string) => {
      const res = await fetch(`${url}/api/v1/observations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${d.ingestKey}`, 'content-type': 'application/x-ndjson' },
        body,
      })
      if (!res.ok) throw new Error(`ingest ${res.status}: ${await res.text()}`)
    }
    /** Every feed posts its batches one after another to its instance; all feeds at once. */
    const feed = (first: number, count: number) =>
      Promise.all(
        bodiesOf(first, count).map(async (bodies, f) => {
          const url = servers[f % servers.length]?.url as string
          for (const body of bodies) await post(url, body)
        }),
      )
    const judged = () => (layout.redis ? allJudged(d, db) : Promise.resolve())

    await feed(0, WARMUP_PER_FEED)
    await judged()
    const commitsBefore = await commitsOf(db)
    const cpu = await meterCpu(async () => ({
      ...Object.fromEntries(
        servers.map((s, i) => [`instance ${i + 1} (${placement(layout, i)})`, [s.child.pid as number]]),
      ),
      'PostgreSQL backends of the instances': await backends(
        db,
        `backend_type = 'client backend' AND application_name LIKE '${appName}-%'`,
      ),
      'PostgreSQL WAL writer, checkpointer… (shared)': await backends(db, `backend_type <> 'client backend'`),
      Redis: pidsNamed('redis-server'),
      'bench process (feeds)': [process.pid],
    }))
    const throttledBefore = limits.map((l) => l.throttled())
    const started = performance.now()
    await feed(WARMUP_PER_FEED, BATCHES_PER_FEED)
    const answeredMs = performance.now() - started
    await judged()
    const judgedMs = performance.now() - started
    const cpuReport = await cpu.stop()
    const commits = (await commitsOf(db)) - commitsBefore
    const throttledShare = limits.map((l, i) => {
      const [a, b] = [throttledBefore[i] ?? l.throttled(), l.throttled()]
      return Number(
        ((b.throttledPeriods - a.throttledPeriods) / Math.max(1, b.periods - a.periods)).toFixed(2),
      )
    })

    const total = FEEDS * (WARMUP_PER_FEED + BATCHES_PER_FEED) * BATCH
    const counted = await db.query<{ stored: number; alerts: number }>(
      'SELECT (SELECT count(*) FROM traffic) + (SELECT count(*) FROM water) AS stored, (SELECT count(*) FROM alerts) AS alerts',
    )
    const { stored, alerts } = counted.rows[0] as { stored: number; alerts: number }
    if (Number(stored) !== total) throw new Error(`${label}: ${stored} readings stored of ${total} answered`)
    const measured = FEEDS * BATCHES_PER_FEED * BATCH
    return {
      answeredPerS: (measured * 1000) / answeredMs,
      judgedPerS: (measured * 1000) / judgedMs,
      stored: Number(stored),
      alerts: Number(alerts),
      cpu: cpuReport,
      commitsPer1000Obs: Number(((commits * 1000) / measured).toFixed(1)),
      ...(layout.limited ? { throttledShare } : {}),
    }
  } finally {
    await Promise.all(children.map((c) => stopServed(c)))
    for (const l of limits) l.remove()
    await db.end()
    await d.stop()
  }
}

/** Feed f's NDJSON bodies from batch `first` on: series f of the real network, built before the clock starts. */
function bodiesOf(first: number, count: number): string[][] {
  return Array.from({ length: FEEDS }, (_, f) =>
    Array.from({ length: count }, (_, n) => ndjson(networkBatch(network, f, first + n, BATCH))),
  )
}

/** Transactions committed in the bench's database so far (the statistics lag up to a second). */
async function commitsOf(db: pg.Client): Promise<number> {
  await new Promise((r) => setTimeout(r, 1100))
  const { rows } = await db.query<{ n: string }>(
    'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
  )
  return Number(rows[0]?.n)
}

async function backends(db: pg.Client, where: string): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE ${where}`)
  return rows.map((r) => r.pid)
}

/**
 * Waits until the partitions are split evenly over the instances and each owner has claimed its
 * partitions' checkpoints (instances started together first take what they can, then rebalance).
 */
async function partitionsSettled(d: Deployment, db: pg.Client, instances: number): Promise<void> {
  const keys = partitionKeys(d.prefix)
  const settled = async () => {
    const leases = await Promise.all(Array.from({ length: PARTITIONS }, (_, p) => d.redis.get(keys.lease(p))))
    const { rows } = await db.query<{ partition: number; token: number }>(
      'SELECT partition, token FROM partition_checkpoints',
    )
    const claimed = new Map(rows.map((r) => [Number(r.partition), String(r.token)]))
    const perHolder = new Map<string, number>()
    for (const [p, lease] of leases.entries()) {
      const [holder, token] = (lease ?? '').split(' ')
      if (!holder || claimed.get(p) !== token) return false
      perHolder.set(holder, (perHolder.get(holder) ?? 0) + 1)
    }
    return perHolder.size === instances && [...perHolder.values()].every((n) => n === PARTITIONS / instances)
  }
  const ok = await until(settled, (v) => v, 60_000)
  if (!ok) throw new Error(`the ${PARTITIONS} partitions did not settle over ${instances} instances`)
}

/**
 * Waits until every partition's committed cursor has reached the last readings on its stream (the
 * newest entry holding observations; requests such as the leader's tick may follow them, and only
 * move the cursor in memory until the next commit).
 */
async function allJudged(d: Deployment, db: pg.Client): Promise<void> {
  const keys = partitionKeys(d.prefix)
  const targets = new Map<number, string>()
  for (let p = 0; p < PARTITIONS; p++) {
    const last = await d.redis.xRevRange(keys.stream(p), '+', '-', { COUNT: 20 })
    const readings = last?.find((e) => e.message.obs !== undefined)
    if (readings) targets.set(p, readings.id)
  }
  const judged = async () => {
    const { rows } = await db.query<{ partition: number; stream_cursor: string }>(
      'SELECT partition, stream_cursor FROM partition_checkpoints',
    )
    const cursors = new Map(rows.map((r) => [Number(r.partition), r.stream_cursor]))
    return [...targets].every(([p, target]) => reached(cursors.get(p) ?? '0-0', target))
  }
  for (const end = Date.now() + 120_000; !(await judged()); ) {
    if (Date.now() > end) throw new Error('the owners did not judge every handed-off batch in 2 minutes')
    await new Promise((r) => setTimeout(r, 10))
  }
}

afterAll(() => {
  const row = (name: string, m: Measured | undefined): BenchRow => {
    const groups = Object.entries(m?.cpu.groups ?? {})
    const cores = (match: (group: string) => boolean) =>
      Number(groups.reduce((sum, [g, c]) => sum + (match(g) ? c.cores : 0), 0).toFixed(2))
    const instances = cores((g) => g.startsWith('instance '))
    const postgres = cores((g) => g.startsWith('PostgreSQL backends'))
    const ours = cores(() => true)
    /** CPU µs per observation judged: cores × wall time / observations = cores / (observations/s). */
    const usPerObs = (c: number) => Math.round((c * 1e6) / (m?.judgedPerS ?? Number.NaN))
    return {
      name,
      answeredObsPerS: Math.round(m?.answeredPerS ?? Number.NaN),
      judgedObsPerS: Math.round(m?.judgedPerS ?? Number.NaN),
      alerts: m?.alerts ?? Number.NaN,
      instancesCores: instances,
      postgresBackendsCores: postgres,
      allOfTheBenchCores: ours,
      otherWorkCores: m?.cpu.otherCores ?? Number.NaN,
      machineCores: m?.cpu.machineCores ?? Number.NaN,
      instancesUsPerObs: usPerObs(instances),
      postgresUsPerObs: usPerObs(postgres),
      allUsPerObs: usPerObs(ours),
      // What the machine's cores would carry at this run's CPU per observation, with nothing else on it.
      machineBoundObsPerS: Math.round((CORES * 1e6) / usPerObs(ours)),
      commitsPer1000Obs: m?.commitsPer1000Obs ?? Number.NaN,
      ...(m?.throttledShare ? { instancesThrottledShare: m.throttledShare.join(' / ') } : {}),
    }
  }
  const ratio = (a?: number, b?: number) => Number(((a ?? 0) / (b ?? 1)).toFixed(2))
  const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
  const [onePinned, twoPinned, noRedis] = [
    results.onePinned?.[0],
    results.twoPinned?.[0],
    results.noRedis?.[0],
  ]
  const rounds = (results.one ?? []).map((one, r) => ({ one, two: results.two?.[r] }))
  const roundRatios = (of: (m: Measured) => number) => rounds.map((r) => ratio(r.two && of(r.two), of(r.one)))
  reportBench(
    'scale-instances',
    {
      database: 'postgres',
      cores: CORES,
      cpuLimitPerInstance: LIMIT,
      placement: {
        limited: `each instance limited to ${LIMIT} core (cgroup CFS quota, 100 ms period), unpinned`,
        pinned: 'each instance pinned to one core with taskset (one instance: cpu 0; two: cpu 0 and cpu 1)',
        rest: 'PostgreSQL, Redis and the feeds neither limited nor pinned',
      },
      feeds: FEEDS,
      observations: FEEDS * BATCHES_PER_FEED * BATCH,
      rowsPerBatch: BATCH,
      loadavg1m: { start: Number(loadAtStart.toFixed(2)), end: Number((loadavg()[0] ?? 0).toFixed(2)) },
      target: { twoToOne: 1.7 },
      rounds: ROUNDS,
      twoToOneAnswered: median(roundRatios((m) => m.answeredPerS)),
      twoToOneJudged: median(roundRatios((m) => m.judgedPerS)),
      roundsTwoToOneJudged: roundRatios((m) => m.judgedPerS),
      pinnedTwoToOneAnswered: ratio(twoPinned?.answeredPerS, onePinned?.answeredPerS),
      pinnedTwoToOneJudged: ratio(twoPinned?.judgedPerS, onePinned?.judgedPerS),
      cpu: Object.fromEntries(
        Object.entries(results).flatMap(([k, runs]) =>
          runs.map((m, i) => [runs.length > 1 ? `${k} ${i + 1}` : k, m.cpu]),
        ),
      ),
    },
    [
      ...rounds.flatMap(({ one, two }, r) => [
        row(
          `${r === 0 ? 'Baseline# ' : ''}one instance, PostgreSQL + Redis (owns 64 partitions), ${LIMIT} core, round ${r + 1}`,
          one,
        ),
        row(
          `two instances, PostgreSQL + Redis (32 partitions each), ${LIMIT} core each, round ${r + 1}`,
          two,
        ),
      ]),
      row('one instance, PostgreSQL + Redis, cpu 0', onePinned),
      row('two instances, PostgreSQL + Redis, cpu 0 + cpu 1', twoPinned),
      row('one instance, PostgreSQL without Redis (engine in process), cpu 0', noRedis),
    ],
  )
})

const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 }
describe(`scaling out: ${FEEDS} feeds, ${FEEDS * BATCHES_PER_FEED} batches of ${BATCH.toLocaleString('en')} observations`, () => {
  const limited = (instances: number): Layout => ({ instances, limited: true, redis: true })
  const layouts: [string, string, Layout][] = [
    ...Array.from({ length: ROUNDS }, (_, r): [string, string, Layout][] => [
      [
        'one',
        `${r === 0 ? 'Baseline# ' : ''}one instance, PostgreSQL + Redis, ${LIMIT} core, round ${r + 1}`,
        limited(1),
      ],
      ['two', `two instances, PostgreSQL + Redis, ${LIMIT} core each, round ${r + 1}`, limited(2)],
    ]).flat(),
    ['onePinned', 'one instance, PostgreSQL + Redis, cpu 0', { instances: 1, pinned: true, redis: true }],
    [
      'twoPinned',
      'two instances, PostgreSQL + Redis, cpu 0 + cpu 1',
      { instances: 2, pinned: true, redis: true },
    ],
    [
      'noRedis',
      'one instance, PostgreSQL without Redis, cpu 0',
      { instances: 1, pinned: true, redis: false },
    ],
  ]
  for (const [key, name, layout] of layouts)
    bench(
      name,
      async () => {
        const m = await measure(`bench_${key.toLowerCase()}`, layout)
        results[key] = [...(results[key] ?? []), m]
      },
      once,
    )
})
