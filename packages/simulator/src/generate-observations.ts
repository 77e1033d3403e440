import {
  type FloodSensorStation,
  formatLocalIso,
  isLocalWeekend,
  localMinuteOfDay,
  type Observation,
  positionsById,
} from '@ioc/domain'
import { estimateSurgeKnots, type ReportedLevel } from '@ioc/forecast'
import { hashUniform, mulberry32 } from './random/mulberry32'
import type { Scenario } from './scenario/scenario'
import { valueAt } from './traffic/daily-profile'
import { floodSpeedFactor } from './traffic/flood-slowdown'
import { planIncidents } from './traffic/incidents'
import { interpolateKnots } from './water/offset-knots'
import { rainIntensityMmPerH } from './water/rain-intensity'
import { drawRandomWeather } from './water/random-weather'
import { type StreetSite, stepStreetDepth } from './water/street-depth'
import type { World } from './world'

export interface GenerateOptions {
  /** Emit only observations at or after this time (the water model still runs from the scenario start). */
  fromMs?: number
  /** Emit only observations before this time. */
  toMs?: number
}

/**
 * The scenario's observations in time order, one at a time: water (gauges, then street sensors, by id)
 * before traffic (by segment id) within each timestamp. Memory stays flat however long the scenario.
 */
export function* generateObservations(
  scenario: Scenario,
  world: World,
  options: GenerateOptions = {},
): Generator<Observation> {
  const startMs = Date.parse(scenario.from)
  const endMs = Date.parse(scenario.to)
  const emitFrom = Math.max(startMs, options.fromMs ?? startMs)
  const emitTo = Math.min(endMs, options.toMs ?? endMs)
  const source = `sim:${scenario.name}`
  const seed = scenario.seed
  const trafficMs = scenario.traffic.intervalS * 1000
  const waterMs = scenario.water.intervalS * 1000
  const stepMs = gcd(trafficMs, waterMs)

  const selected = selectSegments(scenario, world)
  // Planned over the whole network, so a subset of segments sees the same incidents as the full run.
  const incidents = planIncidents(
    seed,
    world.segments.length,
    startMs,
    endMs,
    scenario.traffic.incidentsPerDay,
  )
  const water = createWaterModel(scenario, world)
  const slowdown = new Float32Array(world.segments.length).fill(1)
  const touched: number[] = []
  const slow = (i: number, factor: number) => {
    if ((slowdown[i] as number) === 1) touched.push(i)
    if (factor < (slowdown[i] as number)) slowdown[i] = factor
  }

  let depths: readonly { segmentIds: readonly number[]; depthCm: number }[] = []
  for (let t = startMs, step = 0; t < emitTo; t += stepMs, step++) {
    const emit = t >= emitFrom
    const observedAt = emit ? formatLocalIso(t) : ''
    if ((t - startMs) % waterMs === 0) {
      const readings = water.step(t, waterMs / 3_600_000)
      depths = water.floodedSites()
      if (emit) {
        for (const r of readings) {
          yield { type: 'water', stationId: r.stationId, observedAt, value: r.value, source }
        }
      }
    }
    if (!emit || (t - startMs) % trafficMs !== 0) continue

    for (const i of touched) slowdown[i] = 1
    touched.length = 0
    for (const inc of incidents) {
      if (t < inc.fromMs || t >= inc.toMs) continue
      slow(inc.segmentIndex, inc.factor)
      for (const n of world.neighbours[inc.segmentIndex] ?? []) slow(n, 1 - (1 - inc.factor) / 2)
    }
    for (const site of depths) {
      const factor = floodSpeedFactor(site.depthCm)
      for (const i of site.segmentIds) slow(i, factor)
    }
    const days = isLocalWeekend(t) ? world.weekendKph : world.weekdayKph
    const minute = localMinuteOfDay(t)
    const noise = scenario.traffic.noise
    for (const i of selected) {
      const base = valueAt(days[i] as Float32Array, minute) * (slowdown[i] as number)
      const kph = base * (1 + noise * (hashUniform(seed, i, step) - 0.5))
      yield {
        type: 'traffic',
        segmentId: (world.segments[i] as { id: string }).id,
        observedAt,
        speedKph: Math.max(1, Math.round(kph * 10) / 10),
        source,
      }
    }
  }
}

function selectSegments(scenario: Scenario, world: World): number[] {
  const wanted = scenario.traffic.segmentIds
  if (!wanted) return world.segments.map((_, i) => i)
  const set = new Set(wanted)
  const out = world.segments.flatMap((s, i) => (set.has(s.id) ? [i] : []))
  if (out.length !== set.size)
    throw new Error(`scenario ${scenario.name} names segments that are not in the network`)
  return out
}

/** Gauge levels and street depths, stepped through time from the scenario start. */
function createWaterModel(scenario: Scenario, world: World) {
  const seed = scenario.seed
  const surge = scenario.water.surgeM.map((k) => ({ atMs: Date.parse(k.at), value: k.m }))
  const drawn = scenario.water.randomWeather
    ? drawRandomWeather(
        seed,
        Date.parse(scenario.from),
        Date.parse(scenario.to),
        scenario.water.randomWeather,
        [...world.floodPoints.keys()],
      )
    : { surge: [], rain: [] }
  const rain = [
    ...scenario.water.rain.map((r) => ({
      fromMs: Date.parse(r.from),
      toMs: Date.parse(r.to),
      peakMmPerH: r.peakMmPerH,
      floodPointIds: r.floodPointIds ? new Set(r.floodPointIds) : null,
    })),
    ...drawn.rain,
  ]
  const segmentIndex = positionsById(world.segments)
  const reportedSurge = scenario.water.surgeFromReports ? estimateReportedSurge(scenario, world) : {}
  const levelAt = (stationId: string, t: number) => {
    const astronomical = world.gaugeLevelM[stationId]
    if (!astronomical) throw new Error(`no tide model for gauge ${stationId}`)
    return (
      astronomical(t) +
      interpolateKnots(surge, t) +
      interpolateKnots(drawn.surge, t) +
      interpolateKnots(reportedSurge[stationId] ?? reportedSurge['phu-an'] ?? [], t) +
      scenario.water.riverFlowM
    )
  }
  const gauges = world.stations.filter((s) => s.kind !== 'street-flood-sensor')
  const tideGauges = gauges.filter((g) => g.kind === 'tide-gauge')
  const sensors = world.stations
    .filter((s): s is FloodSensorStation => s.kind === 'street-flood-sensor')
    .map((s, k) => {
      const point = world.floodPoints.get(s.floodPointId)
      const tidal = point?.cause === 'tide' || point?.cause === 'rain+tide'
      // Each site draws its own susceptibility so a storm floods some streets deeper than others.
      const r = mulberry32(seed ^ Math.imul(k + 1, 0x2c1b3c6d))
      const site: StreetSite = {
        drainCapacityMmPerH: 30,
        cmPerExcessMm: 0.45 * (0.9 + 0.7 * r()),
        drainTauH: 1.5 + 1.5 * r(),
        tideThresholdM: tidal ? 1.45 + 0.1 * r() : null,
      }
      return {
        station: s,
        site,
        gauge: nearestStation(s.location, tideGauges),
        segmentIds: (point?.segmentIds ?? []).flatMap((id) => segmentIndex.get(id) ?? []),
        rainDepthCm: 0,
        depthCm: 0,
      }
    })
  let step = 0
  return {
    step(t: number, dtH: number): { stationId: string; value: number }[] {
      const out: { stationId: string; value: number }[] = []
      const levels = new Map<string, number>()
      for (const [k, g] of gauges.entries()) {
        const level = levelAt(g.id, t)
        levels.set(g.id, level)
        out.push({
          stationId: g.id,
          value: round(level + (hashUniform(seed, 100_000 + k, step) - 0.5) * 0.02, 3),
        })
      }
      for (const [k, s] of sensors.entries()) {
        const mmPerH = rain.reduce(
          (sum, e) =>
            e.floodPointIds && !e.floodPointIds.has(s.station.floodPointId)
              ? sum
              : sum + rainIntensityMmPerH(e, t),
          0,
        )
        const next = stepStreetDepth(
          s.site,
          s.rainDepthCm,
          mmPerH,
          levels.get(s.gauge) ?? levelAt(s.gauge, t),
          dtH,
        )
        s.rainDepthCm = next.rainDepthCm
        s.depthCm = next.depthCm
        const noisy = next.depthCm < 0.5 ? 0 : next.depthCm + (hashUniform(seed, 200_000 + k, step) - 0.5)
        out.push({ stationId: s.station.id, value: round(Math.max(0, noisy), 1) })
      }
      step++
      return out
    },
    floodedSites() {
      return sensors.filter((s) => s.depthCm >= 10)
    },
  }
}

/** Per tide gauge, the surge its model needs to meet the levels reported within the scenario. */
function estimateReportedSurge(
  scenario: Scenario,
  world: World,
): Record<string, { atMs: number; value: number }[]> {
  const fromMs = Date.parse(scenario.from)
  const toMs = Date.parse(scenario.to)
  const within = (r: ReportedLevel) =>
    (r.kind === 'extreme' ? r.atMs : r.fromMs) >= fromMs && (r.kind === 'extreme' ? r.atMs : r.toMs) <= toMs
  return Object.fromEntries(
    Object.entries(world.tides).map(([id, model]) => [
      id,
      estimateSurgeKnots(
        world.tideBases,
        model,
        world.reportedLevels.filter((r) => r.stationId === id && within(r)),
      ),
    ]),
  )
}

// A tidal flood point responds to the nearest tide gauge: Nhà Bè for the south (Quận 7, Nhà Bè), else Phú An.
function nearestStation(
  at: readonly number[],
  stations: readonly { id: string; location: readonly number[] }[],
): string {
  const d2 = (p: readonly number[]) => ((p[0] ?? 0) - (at[0] ?? 0)) ** 2 + ((p[1] ?? 0) - (at[1] ?? 0)) ** 2
  const best = stations.reduce<(typeof stations)[number] | undefined>(
    (b, s) => (b === undefined || d2(s.location) < d2(b.location) ? s : b),
    undefined,
  )
  if (!best) throw new Error('the network has no tide gauge')
  return best.id
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}
