import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { loadNetwork } from '@ioc/fixtures'
import { createClient } from 'redis'
import { afterAll, bench, describe } from 'vitest'
import { createDeployment, REDIS_URL, until } from '../test/scale-cluster'
import { serveProcess, stopServed } from '../test/serve-process'
import { percentile, reportBench } from './bench-report'
import { type Counts, latencies, now, type Received, startClients } from './client-threads'
import { type CpuReport, meterCpu, pidsNamed } from './process-cpu'

/**
 * Fan-out across instances: 1,000 Socket.IO clients (websocket, display token), half on each of two
 * instances (`ioc serve` processes on PostgreSQL + Redis, not pinned), while 10,000 observations/s are
 * ingested (a batch of 1,000 every 100 ms, through the instances in turn). Latency runs from the
 * ingest answer to a client receiving the delta that holds the batch: the batch is stored, relayed to
 * the leader through Redis, and the leader's delta goes through the adapter to both instances'
 * clients. The clients run on two worker threads (one per instance), and count every delta and every
 * break in the deltas' numbering, so a client that falls behind or misses one shows. The limit,
 * measured in the same run: two bare Socket.IO servers with the same adapter and recovery settings,
 * one emitting delta-sized messages on the same 100 ms tick to the same clients, timed from when each
 * message's data was ready.
 */
const CLIENTS = 1000
const INSTANCES = 2
const PER_BATCH = 1000
const BATCH_EVERY_MS = 100
const RUN_MS = 10_000
/** Batches sent first and not measured: fresh processes compile, and 1,000 snapshots go out first. */
const WARMUP_BATCHES = 10
const BATCHES = WARMUP_BATCHES + RUN_MS / BATCH_EVERY_MS
const TICK_MS = 100
const network = loadNetwork()
const BARE_SERVER = fileURLToPath(new URL('./fanout-bare-server.mjs', import.meta.url))
const results: Record<string, Run> = {}
const loadAtStart = loadavg()[0] ?? 0

interface Run {
  latencyMs: number[]
  /** (client, batch) pairs no delta delivered by the end: a client that fell behind, or a lost delta. */
  missed: number
  counts: Counts
  cpu: CpuReport
  ingestPerS?: number
}

/** Starts CLIENTS clients split over `urls`, one worker thread per URL. */
async function clientsOf(urls: readonly string[], auth: Record<string, string>) {
  const groups = await Promise.all(
    urls.map((url) => startClients(url, auth, CLIENTS / urls.length, { markerOnly: true })),
  )
  return {
    async stop(): Promise<{ received: Received; counts: Counts }> {
      const all = await Promise.all(groups.map((g) => g.stop()))
      return { received: all.flatMap((a) => a.received), counts: all.flatMap((a) => a.counts) }
    },
  }
}

/** The NDJSON body of batch k: segment 0's speed is k (the clients' marker), the rest cycle the network. */
function body(k: number, t0: number): string {
  const at = new Date(t0 + k * 1000).toISOString()
  let out = `{"type":"traffic","segmentId":"${network.segments[0]?.id}","observedAt":"${at}","speedKph":${k},"source":"bench"}\n`
  for (let i = 1; i < PER_BATCH; i++) {
    const seg = network.segments[1 + ((k * PER_BATCH + i) % (network.segments.length - 1))]?.id
    out += `{"type":"traffic","segmentId":"${seg}","observedAt":"${at}","speedKph":${i % 80},"source":"bench"}\n`
  }
  return out
}

async function fanoutCluster(): Promise<Run> {
  const d = await createDeployment('bench_fanout')
  const children: ChildProcess[] = []
  try {
    const servers = await Promise.all(
      Array.from({ length: INSTANCES }, (_, i) =>
        serveProcess(d.envOf(`bench-${i}`, { LOG_LEVEL: 'info', LIVE_TICK_MS: String(TICK_MS) }), children, {
          echoErrors: true,
        }),
      ),
    )
    if ((await until(d.leader, (l) => l !== null, 30_000)) === null) throw new Error('no leader')
    const clients = await clientsOf(
      servers.map((s) => s.url),
      { token: d.displayToken },
    )
    const t0 = Date.now() - 3600_000
    const bodies = Array.from({ length: BATCHES }, (_, k) => body(k, t0))
    const answeredAt = new Map<number, number>()
    const cpu = await meterCpu(async () => ({
      ...Object.fromEntries(servers.map((s, i) => [`instance ${i + 1}`, [s.child.pid as number]])),
      'bench process (clients, feed)': [process.pid],
      Redis: pidsNamed('redis-server'),
    }))
    const started = now()
    await Promise.all(
      bodies.map(async (b, k) => {
        await new Promise((r) => setTimeout(r, k * BATCH_EVERY_MS))
        const res = await fetch(`${servers[k % INSTANCES]?.url}/api/v1/observations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${d.ingestKey}`, 'content-type': 'application/x-ndjson' },
          body: b,
        })
        if (!res.ok) throw new Error(`ingest ${res.status}: ${await res.text()}`)
        if (k >= WARMUP_BATCHES) answeredAt.set(k, now())
      }),
    )
    const ingestPerS = (BATCHES * PER_BATCH * 1000) / (now() - started)
    // The last batch's delta: relayed to the leader, a tick, and the adapter's hop.
    await new Promise((r) => setTimeout(r, 5 * TICK_MS))
    const cpuReport = await cpu.stop()
    const { received, counts } = await clients.stop()
    const { ms, missed } = latencies(received, answeredAt)
    return { latencyMs: ms, missed, counts, cpu: cpuReport, ingestPerS }
  } finally {
    await Promise.all(children.map((c) => stopServed(c)))
    await d.stop()
  }
}

async function fanoutBare(): Promise<Run> {
  const prefix = `ioc-bench-bare-${randomBytes(4).toString('hex')}`
  const children = Array.from({ length: INSTANCES }, () =>
    fork(BARE_SERVER, [], { env: { ...process.env, REDIS_URL, REDIS_PREFIX: prefix }, execArgv: [] }),
  )
  try {
    const message = (child: ChildProcess, type: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const on = (m: { type: string }) => {
          if (m.type !== type) return
          child.off('message', on)
          resolve(m)
        }
        child.on('message', on)
        child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)))
      })
    const urls = await Promise.all(children.map(async (c) => (await message(c, 'listening')).url as string))
    const clients = await clientsOf(urls, {})
    const emitter = children[0] as ChildProcess
    const cpu = await meterCpu(async () => ({
      ...Object.fromEntries(children.map((c, i) => [`bare server ${i + 1}`, [c.pid as number]])),
      'bench process (clients)': [process.pid],
      Redis: pidsNamed('redis-server'),
    }))
    const done = message(emitter, 'done')
    emitter.send({
      type: 'emit',
      batches: BATCHES,
      warmup: WARMUP_BATCHES,
      perBatch: PER_BATCH,
      everyMs: BATCH_EVERY_MS,
      tickMs: TICK_MS,
      networkVersion: network.version,
    })
    const readyAt = new Map((await done).readyAt as [number, number][])
    await new Promise((r) => setTimeout(r, 2 * TICK_MS))
    const cpuReport = await cpu.stop()
    const { received, counts } = await clients.stop()
    const { ms, missed } = latencies(received, readyAt)
    return { latencyMs: ms, missed, counts, cpu: cpuReport }
  } finally {
    for (const c of children) {
      const exited = new Promise((r) => c.once('exit', r))
      c.send({ type: 'close' })
      await exited
    }
    const redis = createClient({ url: REDIS_URL })
    await redis.connect()
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length) await redis.del(keys)
    await redis.close()
  }
}

afterAll(() => {
  const stats = (run: Run | undefined) => {
    const s = (run?.latencyMs ?? []).toSorted((a, b) => a - b)
    const counts = run?.counts ?? []
    return {
      samples: s.length,
      p50: Math.round(percentile(s, 50)),
      p99: Math.round(percentile(s, 99)),
      max: Math.round(s.at(-1) ?? 0),
      missedBatches: run?.missed ?? Number.NaN,
      clientsWithGaps: counts.filter((c) => c.gaps > 0).length,
      fewestDeltasPerClient: Math.min(...counts.map((c) => c.deltas)),
      mostDeltasPerClient: Math.max(...counts.map((c) => c.deltas)),
      machineCores: run?.cpu.machineCores ?? Number.NaN,
      ...Object.fromEntries(Object.entries(run?.cpu.groups ?? {}).map(([g, c]) => [`${g}, cores`, c.cores])),
    }
  }
  const ioc = stats(results.ioc)
  const bare = stats(results.bare)
  reportBench(
    'fanout-cluster',
    {
      clients: CLIENTS,
      instances: INSTANCES,
      cores: availableParallelism(),
      pinning: 'none: instances, bare servers, client threads, PostgreSQL and Redis placed by the OS',
      loadavg1m: { start: Number(loadAtStart.toFixed(2)), end: Number((loadavg()[0] ?? 0).toFixed(2)) },
      target: { p99Ms: 250, observationsPerSecond: (PER_BATCH * 1000) / BATCH_EVERY_MS },
      ingestObservationsPerSecond: Math.round(results.ioc?.ingestPerS ?? Number.NaN),
      p99Ms: ioc.p99,
      /** Met when p99 is under the target and every client got every batch (a missed one has no latency to count). */
      meetsTarget: ioc.p99 < 250 && ioc.missedBatches === 0,
      bareP99Ms: bare.p99,
      ratioToBare: Number((ioc.p99 / bare.p99).toFixed(2)),
    },
    [
      { name: 'Baseline# two bare Socket.IO servers (Redis streams adapter), 100 ms tick', ...bare },
      { name: 'IOC, two instances: HTTP ingest → live delta', ...ioc },
    ],
  )
})

const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 }
describe(`fan-out to ${CLIENTS.toLocaleString('en')} clients over ${INSTANCES} instances, latency ms`, () => {
  bench(
    'Baseline# two bare Socket.IO servers',
    async () => {
      results.bare = await fanoutBare()
    },
    once,
  )
  bench(
    'IOC ingest → delta at 10k obs/s, two instances',
    async () => {
      results.ioc = await fanoutCluster()
    },
    once,
  )
})
