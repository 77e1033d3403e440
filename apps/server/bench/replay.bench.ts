import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RecordedAlerts } from '@ioc/alerts'
import type { Observation } from '@ioc/domain'
import { indexNetwork } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig, rulesKey } from '@ioc/rules'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { afterAll, beforeAll, bench, describe } from 'vitest'
import { EngineCheckpoints } from '../src/replay/engine-checkpoints'
import { loadRecordedAlerts } from '../src/replay/load-recorded-alerts'
import { ReplayRun } from '../src/replay/replay-run'
import { WARM_UP_MS } from '../src/replay/replay-sockets'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import type { Store } from '../src/store/store'
import { percentile, reportBench } from './bench-report'

/**
 * Replay over a 24-hour recording of ≥ 3 million observations: the king tide of 6 Nov 2025 with every
 * segment reporting every 2.5 min (3.25 M lines) in SQLite. Seek = snapshot at t + engine at t; 3600×
 * playback = the whole day in 100 ms ticks (6 data minutes each) with every alert and a coalesced
 * delta per tick. Baselines in the same run: the raw store queries for the same data.
 */
const network = loadNetwork()
const index = indexNetwork(network)
const FROM = Date.parse('2025-11-06T00:00:00+07:00')
const TO = Date.parse('2025-11-07T00:00:00+07:00')
const TICK_DATA_MS = 3600 * 100
const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-replay-'))
let store: Store
let checkpoints: EngineCheckpoints
let recorded: RecordedAlerts
let lines = 0
let firstPassMs = 0
const rules = defaultRulesConfig()
const chain = `${rulesKey(rules)}@${FROM - WARM_UP_MS}`

const seekMs: number[] = []
const snapshotBaselineMs: number[] = []
const playback: { ms: number; alerts: number; deltas: number; maxDeltaSubjects: number }[] = []
const rangeBaselineMs: number[] = []
let sessionHeapBytes = 0

/** A deterministic walk over the day, so every run seeks the same times. */
let seed = 20251106
function randomTime(): number {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0
  return FROM + Math.floor((seed / 2 ** 32) * (TO - FROM))
}

function newRun(): ReplayRun {
  return new ReplayRun({
    store,
    index,
    rules,
    checkpoints,
    chain,
    anchorMs: FROM - WARM_UP_MS,
    recorded,
    nowMs: Date.now,
  })
}

beforeAll(async () => {
  store = openSqliteStore(join(dir, 'ioc.sqlite'))
  const { scenario } = loadScenario('king-tide-2025-11-06')
  const dense = { ...scenario, traffic: { ...scenario.traffic, intervalS: 150 } }
  let batch: Observation[] = []
  for (const o of generateObservations(dense, loadWorld())) {
    batch.push(o)
    if (batch.length === 50_000) {
      await store.insertObservations(batch)
      lines += batch.length
      batch = []
    }
  }
  await store.insertObservations(batch)
  lines += batch.length
  if (lines < 3_000_000) throw new Error(`only ${lines} observations`)
  checkpoints = new EngineCheckpoints(256 * 1024 * 1024)
  recorded = await loadRecordedAlerts(store, FROM, TO)
  // The first replay of a day warms the engine through it once and leaves checkpoints behind.
  const t = performance.now()
  await newRun().seek(TO - 1)
  firstPassMs = performance.now() - t
}, 900_000)

afterAll(async () => {
  const seeks = [...seekMs].sort((a, b) => a - b)
  const snaps = [...snapshotBaselineMs].sort((a, b) => a - b)
  const play = playback.at(-1)
  const range = Math.min(...rangeBaselineMs)
  reportBench(
    'replay',
    {
      target: { seekP99Ms: 300 },
      observations: lines,
      firstPassMs: Math.round(firstPassMs),
      checkpointBytes: checkpoints.size(),
      sessionHeapBytes,
      seekP50Ms: Math.round(percentile(seeks, 50)),
      seekP99Ms: Math.round(percentile(seeks, 99)),
      snapshotBaselineP50Ms: Math.round(percentile(snaps, 50)),
      playback3600xMs: Math.round(play?.ms ?? Number.NaN),
      rawRangeReadMs: Math.round(range),
      playbackToRawRatio: Number(((play?.ms ?? Number.NaN) / range).toFixed(2)),
      alertsDelivered: play?.alerts,
      deltas: play?.deltas,
      maxDeltaSubjects: play?.maxDeltaSubjects,
    },
    [
      {
        name: 'Baseline# store.latestObservations(t)',
        p50Ms: Math.round(percentile(snaps, 50)),
        p99Ms: Math.round(percentile(snaps, 99)),
        samples: snaps.length,
      },
      {
        name: 'seek: snapshot + engine at t',
        p50Ms: Math.round(percentile(seeks, 50)),
        p99Ms: Math.round(percentile(seeks, 99)),
        samples: seeks.length,
      },
      {
        name: 'Baseline# store.observationsInRange, 24 h',
        ms: Math.round(range),
        samples: rangeBaselineMs.length,
      },
      {
        name: '3600× playback, 24 h, 100 ms ticks',
        ms: Math.round(play?.ms ?? Number.NaN),
        samples: playback.length,
      },
    ],
  )
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('seek anywhere in 24 h', () => {
  bench(
    'Baseline# store.latestObservations(t)',
    async () => {
      const t = performance.now()
      await store.latestObservations(randomTime())
      snapshotBaselineMs.push(performance.now() - t)
    },
    { iterations: 20, warmupIterations: 2 },
  )

  bench(
    'seek: snapshot + engine at t',
    async () => {
      const run = newRun()
      const t = performance.now()
      await run.seek(randomTime())
      seekMs.push(performance.now() - t)
    },
    { iterations: 20, warmupIterations: 2 },
  )
})

describe('3600× playback of 24 h', () => {
  bench(
    'Baseline# store.observationsInRange, 24 h',
    async () => {
      const t = performance.now()
      let n = 0
      for await (const page of store.observationsInRange(FROM, TO, 5000)) n += page.length
      rangeBaselineMs.push(performance.now() - t)
      if (n !== lines) throw new Error(`read ${n} of ${lines}`)
    },
    { iterations: 1, warmupIterations: 0 },
  )

  bench(
    '3600× playback, 100 ms ticks',
    async () => {
      const heapBefore = process.memoryUsage().heapUsed
      const run = newRun()
      await run.seek(FROM)
      sessionHeapBytes = Math.max(0, process.memoryUsage().heapUsed - heapBefore)
      const t = performance.now()
      let alerts = 0
      let deltas = 0
      let maxDeltaSubjects = 0
      for (let at = FROM + TICK_DATA_MS; at <= TO; at += TICK_DATA_MS) {
        const step = await run.advance(Math.min(at, TO - 1))
        alerts += step.alerts.length
        if (step.delta) {
          deltas++
          const n = step.delta.traffic.segmentIdx.length + step.delta.water.stationIdx.length
          maxDeltaSubjects = Math.max(maxDeltaSubjects, n)
        }
      }
      playback.push({ ms: performance.now() - t, alerts, deltas, maxDeltaSubjects })
    },
    { iterations: 1, warmupIterations: 0 },
  )
})
