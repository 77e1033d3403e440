import type { Network, Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { afterAll, bench, describe } from 'vitest'
import { defaultRulesConfig } from './config/load-rules-config'
import { createRulesEngine } from './engine/rules-engine'
import { isoVietnam } from './testing/observations'

/** mulberry32: a tiny seeded PRNG, so every run benches the same observations. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * Three hours of the morning of the 2025-11-05 king tide, 06:00–09:00: every segment reports its
 * speed once a minute (segment i at second i mod 60, so a minute holds 60 distinct timestamps), one
 * in twenty segments jams during the 07:00–08:30 rush, gauges report every 10 min on a tide rising
 * from 1.20 m past báo động III, and street sensors every 5 min, a third of them flooding.
 */
function kingTideMorning(network: Network): Observation[] {
  const rand = random(20251105)
  const start = Date.UTC(2025, 10, 4, 23) // 06:00 in HCMC
  const jams = network.segments.map(() => rand() < 0.05)
  const floods = network.stations.map(() => rand() < 0.33)
  const obs: Observation[] = []
  for (let minute = 0; minute < 180; minute++) {
    const rush = minute >= 60 && minute < 150
    for (let second = 0; second < 60; second++) {
      const observedAt = isoVietnam(start + minute * 60_000 + second * 1000)
      if (second === 0) {
        network.stations.forEach((s, i) => {
          if (s.kind === 'street-flood-sensor' && minute % 5 === 0) {
            const depthCm = floods[i] ? Math.max(0, (minute - 30) * 0.4 + rand() * 4) : rand() * 3
            obs.push({ type: 'water', stationId: s.id, observedAt, value: depthCm, source: 'bench' })
          } else if (s.kind !== 'street-flood-sensor' && minute % 10 === 0) {
            const levelM = 1.2 + (minute / 180) * 0.5 + rand() * 0.02
            obs.push({ type: 'water', stationId: s.id, observedAt, value: levelM, source: 'bench' })
          }
        })
      }
      for (let i = second; i < network.segments.length; i += 60) {
        const seg = network.segments[i] as Network['segments'][number]
        const share = rush && jams[i] ? 0.1 + rand() * 0.3 : 0.55 + rand() * 0.4
        obs.push({
          type: 'traffic',
          segmentId: seg.id,
          observedAt,
          speedKph: seg.freeFlowKph * share,
          source: 'bench',
        })
      }
    }
  }
  return obs
}

const network = loadNetwork()
const config = defaultRulesConfig()
const observations = kingTideMorning(network)
const timings = { engine: [] as number[], baseline: [] as number[] }
let events = 0
let sink = 0

describe(`${observations.length.toLocaleString('en')} observations, ${network.segments.length} segments`, () => {
  bench('Baseline# bare loop summing each observation value', () => {
    const t = performance.now()
    let sum = 0
    for (const o of observations) sum += o.type === 'traffic' ? o.speedKph : o.value
    sink += sum
    timings.baseline.push(performance.now() - t)
  })

  bench('rules engine (fresh engine, every rule on)', () => {
    const t = performance.now()
    const engine = createRulesEngine(network, config)
    let n = 0
    for (const o of observations) n += engine.observe(o).length
    events = n
    timings.engine.push(performance.now() - t)
  })

  bench('engine creation alone (full network)', () => {
    sink += createRulesEngine(network, config).openAlerts().length
  })
})

afterAll(() => {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
  const rate = (ms: number) => Math.round(observations.length / (ms / 1000)).toLocaleString('en')
  const engineMs = median(timings.engine)
  const baselineMs = median(timings.baseline)
  console.log(
    [
      `rules engine: ${rate(engineMs)} obs/s (median ${engineMs.toFixed(1)} ms, ${events} events)`,
      `bare loop:    ${rate(baselineMs)} obs/s (median ${baselineMs.toFixed(1)} ms)`,
      `engine / bare loop time: ${(engineMs / baselineMs).toFixed(1)}× (checksum ${sink > 0})`,
    ].join('\n'),
  )
})
