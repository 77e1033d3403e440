import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localMinuteOfDay, type Observation, TrafficObservation } from '@ioc/domain'
import { loadMeasuredSpeeds } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { readRecording } from '../node/read-recording'
import { writeRecording } from '../node/write-recording'
import { generateObservations } from './generate-observations'
import { loadWorld } from './load-world'
import { loadScenario } from './scenario/load-scenario'
import type { Scenario } from './scenario/scenario'
import { pathSpeedKph } from './traffic/fit-segment-speeds'

const world = loadWorld()
const normal = loadScenario('normal-weekday').scenario
const kingTide = loadScenario('king-tide-2025-11-06').scenario
const floodSegmentIds = [...new Set([...world.floodPoints.values()].flatMap((f) => f.segmentIds))].sort()

function withTraffic(s: Scenario, traffic: Partial<Scenario['traffic']>): Scenario {
  return { ...s, traffic: { ...s.traffic, ...traffic } }
}

function speedsAt(obs: Iterable<Observation>, hhmm: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const o of obs)
    if (o.type === 'traffic' && o.observedAt.slice(11, 16) === hhmm) out.set(o.segmentId, o.speedKph)
  return out
}

describe('traffic calibration against the 2025-10-30 measurements', () => {
  test('simulated path speeds match the measured speeds (good crosswalk matches)', () => {
    const scenario = withTraffic(normal, {
      segmentIds: [...world.measuredSegmentIds].sort(),
      incidentsPerDay: 0,
    })
    const bySlot = new Map<string, number>()
    for (const o of generateObservations(scenario, world)) {
      if (o.type === 'traffic')
        bySlot.set(`${o.segmentId}@${localMinuteOfDay(Date.parse(o.observedAt))}`, o.speedKph)
    }
    const lengths = new Map(world.segments.map((s) => [s.id, s.lengthM]))
    const errors = loadMeasuredSpeeds()
      .filter((r) => r.matchQuality === 'good')
      .map((r) => {
        const slot = Math.round(localMinuteOfDay(Date.parse(r.observedAt)) / 5) * 5
        const simulated = pathSpeedKph(
          r.osmSegmentIds,
          (id) => lengths.get(id) ?? 0,
          (id) => bySlot.get(`${id}@${slot}`) ?? Number.NaN,
        )
        return Math.abs(simulated / r.speedKph - 1)
      })
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length
    const within = errors.filter((e) => e <= 0.15).length
    console.log(
      `calibration over ${errors.length} measured rows: mean ${(mean * 100).toFixed(1)} %, max ${(Math.max(...errors) * 100).toFixed(1)} %, ` +
        `${within} (${((within / errors.length) * 100).toFixed(1)} %) within 15 %`,
    )
    expect(errors.every(Number.isFinite)).toBe(true)
    expect(mean).toBeLessThan(0.05)
    // The calibration is regularised to predict times and routes it did not see (calibrate-speeds.test.ts),
    // not to replay each run: the rest are routes that share OSM segments with a contradicting route, and
    // the two directions of a two-way street, fitted apart, share the one speed the feed gives a segment.
    expect(within / errors.length).toBeGreaterThan(0.94)
  })

  test('no segment is ever played faster than twice its free flow, at any minute of the day', () => {
    const worst = world.weekdayKph
      .map((day, i) => ({
        id: world.segments[i]?.id,
        ratio: Math.max(...day) / (world.segments[i]?.freeFlowKph ?? 1),
      }))
      .sort((a, b) => b.ratio - a.ratio)[0]
    expect(worst?.ratio).toBeLessThan(2)
  })

  test('a Saturday at the evening rush is faster than the Thursday', () => {
    const subset = { segmentIds: floodSegmentIds, incidentsPerDay: 0 }
    const saturday = { ...normal, from: '2025-11-01T17:00:00+07:00', to: '2025-11-01T18:00:00+07:00' }
    const thursday = { ...normal, from: '2025-10-30T17:00:00+07:00', to: '2025-10-30T18:00:00+07:00' }
    const mean = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0) / m.size
    const sat = mean(speedsAt(generateObservations(withTraffic(saturday, subset), world), '17:30'))
    const thu = mean(speedsAt(generateObservations(withTraffic(thursday, subset), world), '17:30'))
    expect(sat).toBeGreaterThan(thu * 1.1)
  })

  test('incidents slow their segment and its neighbours', () => {
    const calm = speedsAt(
      generateObservations(withTraffic(normal, { incidentsPerDay: 0, noise: 0 }), world),
      '08:00',
    )
    const busy = speedsAt(
      generateObservations(withTraffic(normal, { incidentsPerDay: 2000, noise: 0 }), world),
      '08:00',
    )
    const slowed = [...busy].filter(([id, v]) => v < (calm.get(id) ?? 0) * 0.65).length
    const halfSlowed = [...busy].filter(([id, v]) => v < (calm.get(id) ?? 0) * 0.95).length
    expect(slowed).toBeGreaterThan(20)
    expect(halfSlowed).toBeGreaterThan(slowed * 2) // neighbours get half the slowdown
  })
})

describe('water', () => {
  test('on the measured weekday Phú An follows the ordinary tide and stays below báo động I (1.40 m)', () => {
    const phuAn = [...generateObservations(withTraffic(normal, { segmentIds: [] }), world)].filter(
      (o) => o.type === 'water' && o.stationId === 'phu-an',
    )
    const levels = phuAn.map((o) => (o.type === 'water' ? o.value : Number.NaN))
    console.log(`normal-weekday Phú An: min ${Math.min(...levels)} m, max ${Math.max(...levels)} m`)
    expect(phuAn).toHaveLength(288)
    expect(Math.max(...levels)).toBeLessThan(1.4)
    expect(Math.min(...levels)).toBeLessThan(-0.8) // a real spring-neap tide, not a flat line
  })

  test('the king tide passes báo động III at Phú An twice and floods the named streets', () => {
    const obs = [...generateObservations(withTraffic(kingTide, { segmentIds: floodSegmentIds }), world)]
    const phuAn = obs.filter((o) => o.type === 'water' && o.stationId === 'phu-an')
    const above = phuAn
      .filter((o) => o.type === 'water' && o.value >= 1.6)
      .map((o) => o.observedAt.slice(11, 16))
    const peak = Math.max(...phuAn.map((o) => (o.type === 'water' ? o.value : 0)))
    console.log(`king tide: Phú An peak ${peak} m; at or above báo động III (1.60 m) at ${runs(above)}`)
    expect(peak).toBeGreaterThanOrEqual(1.72)
    expect(peak).toBeLessThanOrEqual(1.78)
    expect(above.some((t) => t >= '04:00' && t <= '06:00')).toBe(true)
    expect(above.some((t) => t >= '17:00' && t <= '19:00')).toBe(true)

    const maxDepth = new Map<string, number>()
    for (const o of obs)
      if (o.type === 'water') maxDepth.set(o.stationId, Math.max(maxDepth.get(o.stationId) ?? 0, o.value))
    const sensorOf = (street: string) => {
      const point = [...world.floodPoints.values()].find((f) => f.street === street)
      return (
        world.stations.find((s) => s.kind === 'street-flood-sensor' && s.floodPointId === point?.id)?.id ?? ''
      )
    }
    for (const street of ['Huỳnh Tấn Phát', 'Trần Xuân Soạn', 'Nguyễn Thái Học', 'Bùi Viện']) {
      console.log(`king tide: ${street} max ${maxDepth.get(sensorOf(street))} cm`)
      expect(maxDepth.get(sensorOf(street))).toBeGreaterThanOrEqual(30)
    }
    const deep = world.stations.filter(
      (s) => s.kind === 'street-flood-sensor' && (maxDepth.get(s.id) ?? 0) >= 50,
    )
    expect(deep.length).toBeGreaterThan(5)
  })

  test('flooded streets jam the roads through them at the evening rush', () => {
    const dry = { ...kingTide, water: { ...kingTide.water, rain: [] } }
    const subset = { segmentIds: floodSegmentIds, incidentsPerDay: 0, noise: 0 }
    const wet = speedsAt(generateObservations(withTraffic(kingTide, subset), world), '18:30')
    const calm = speedsAt(generateObservations(withTraffic(dry, subset), world), '18:30')
    const huynhTanPhat =
      [...world.floodPoints.values()].find((f) => f.street === 'Huỳnh Tấn Phát')?.segmentIds ?? []
    expect(huynhTanPhat.length).toBeGreaterThan(0)
    for (const id of huynhTanPhat) expect(wet.get(id)).toBeLessThan((calm.get(id) ?? 0) * 0.5)
  })
})

describe('recordings', () => {
  const subsetKingTide = withTraffic(kingTide, { segmentIds: floodSegmentIds })

  test('the same seed writes a byte-identical file; another seed does not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ioc-sim-'))
    await writeRecording(subsetKingTide, join(dir, 'a.ndjson'), world)
    await writeRecording(subsetKingTide, join(dir, 'b.ndjson'), world)
    await writeRecording({ ...subsetKingTide, seed: 7 }, join(dir, 'c.ndjson'), world)
    const a = readFileSync(join(dir, 'a.ndjson'))
    expect(a.length).toBeGreaterThan(1_000_000)
    expect(a.equals(readFileSync(join(dir, 'b.ndjson')))).toBe(true)
    expect(a.equals(readFileSync(join(dir, 'c.ndjson')))).toBe(false)
  })

  test('every line validates against the domain schema and time never goes backwards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ioc-sim-'))
    const path = join(dir, 'king.ndjson')
    const { lines } = await writeRecording(subsetKingTide, path, world)
    let n = 0
    let last = ''
    let backwards = 0
    for await (const o of readRecording(path)) {
      n++
      if (o.observedAt < last) backwards++
      last = o.observedAt
      expect(o.observedAt.endsWith('+07:00')).toBe(true)
      if (o.type === 'traffic') TrafficObservation.parse(o)
    }
    expect(n).toBe(lines)
    expect(backwards).toBe(0)
  })

  test('a window emits exactly the matching part of the full run', () => {
    const from = Date.parse('2025-11-06T18:00:00+07:00')
    const to = Date.parse('2025-11-06T18:30:00+07:00')
    const full = [...generateObservations(subsetKingTide, world)].filter((o) => {
      const t = Date.parse(o.observedAt)
      return t >= from && t < to
    })
    expect([...generateObservations(subsetKingTide, world, { fromMs: from, toMs: to })]).toEqual(full)
  })
})

/** "03:15–05:10, 17:05–18:55" from a sorted list of 5-minute HH:MM slots. */
function runs(slots: string[]): string {
  const minutes = slots.map((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)))
  const out: string[] = []
  let start = 0
  for (let i = 1; i <= minutes.length; i++) {
    if (i === minutes.length || (minutes[i] as number) - (minutes[i - 1] as number) !== 5) {
      out.push(`${slots[start]}–${slots[i - 1]}`)
      start = i
    }
  }
  return out.join(', ')
}

test('the simulated month draws its own surge at the gauges and storms that flood streets', () => {
  const month = loadScenario('month-2025-11').scenario
  const firstWeek = { ...withTraffic(month, { segmentIds: [] }), to: '2025-11-08T00:00:00+07:00' }
  const calm = { ...firstWeek, water: { ...firstWeek.water, randomWeather: undefined } }
  const gauge = (s: Scenario) =>
    [...generateObservations(s, world)].filter((o) => o.type === 'water' && o.stationId === 'phu-an')
  const surged = gauge(firstWeek)
  const diffs = gauge(calm).map(
    (o, i) => (surged[i] as { value: number }).value - (o as { value: number }).value,
  )
  expect(Math.max(...diffs.map(Math.abs))).toBeGreaterThan(0.05)
  const flooded = [...generateObservations(firstWeek, world)].filter(
    (o) => o.type === 'water' && o.stationId.startsWith('fs-') && o.value >= 10,
  )
  expect(flooded.length).toBeGreaterThan(0)
})
