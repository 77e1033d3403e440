import { loadMeasuredSpeeds, loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import {
  fitSmoothSpeeds,
  MEASURED_DYNAMIC_NOISE_SD,
  MEASURED_ROUTE_MEMORY,
  ROUTE_MEMORY_CANDIDATES,
} from './fit-smooth-speeds'
import { measuredRuns, segmentInfo } from './measured-runs'
import { directedKeys } from './path-keys'
import { chooseRouteMemory, createRouteMemory } from './route-memory'

const segments = loadNetwork().segments
const runs = measuredRuns(loadMeasuredSpeeds(), segments)
const info = segmentInfo(segments)
const model = fitSmoothSpeeds(runs, info, {
  dynamicNoiseSd: MEASURED_DYNAMIC_NOISE_SD,
  routeMemory: MEASURED_ROUTE_MEMORY,
})

test('the inner choice of the dynamic penalty, on every measured run, is the one the simulator uses', () => {
  expect(fitSmoothSpeeds(runs, info).dynamicNoiseSd).toBe(MEASURED_DYNAMIC_NOISE_SD)
}, 60_000)

test('the inner choice of the routes’ memory, on every measured run, is the one the simulator uses', () => {
  expect(chooseRouteMemory(runs, ROUTE_MEMORY_CANDIDATES)).toEqual(MEASURED_ROUTE_MEMORY)
}, 60_000)

test('between measured times the segments carry each measured route to where its memory puts it', () => {
  const memory = createRouteMemory(runs, MEASURED_ROUTE_MEMORY)
  const at = runs.filter((r) => r.minute === 960)
  // The segments alone: the path without its route id, as the simulator plays it.
  const off = at
    .map((r) =>
      Math.abs(
        model({ segmentIds: r.segmentIds, against: r.against }, 975) /
          Math.exp(memory(r.routeId, 975) as number) -
          1,
      ),
    )
    .sort((a, b) => a - b)
  expect(off[off.length >> 1]).toBeLessThan(0.01)
})

test('a measured route keeps its own speed at its times, and the two directions of a street their own', () => {
  const errors = runs.map((r) => Math.abs(model(r, r.minute) / r.speedKph - 1)).sort((a, b) => a - b)
  expect(errors[errors.length >> 1]).toBeLessThan(0.03)
  // Routes that run the same two-way segment in opposite directions, measured at the same time.
  const oneway = (id: string) => info(id).oneway
  const byKey = new Map<string, typeof runs>()
  for (const r of runs.filter((r) => r.minute === 1050))
    for (const key of directedKeys(r, oneway)) byKey.set(key, [...(byKey.get(key) ?? []), r])
  const pairs = [...byKey].filter(([key]) => key.endsWith('~rev') && byKey.has(key.slice(0, -4)))
  expect(pairs.length).toBeGreaterThan(0)
  for (const [key, against] of pairs) {
    const along = byKey.get(key.slice(0, -4)) ?? []
    const measured = (rs: typeof runs) => rs.reduce((s, r) => s + r.speedKph, 0) / rs.length
    const fitted = (rs: typeof runs) => rs.reduce((s, r) => s + model(r, r.minute), 0) / rs.length
    // The fit orders the two directions as the measurements do.
    expect(Math.sign(fitted(along) - fitted(against))).toBe(Math.sign(measured(along) - measured(against)))
  }
})

test('between two measured times a route moves between its speeds there; an unmeasured street has its priors', () => {
  const route = runs.find((r) => r.minute === 960)
  if (!route) throw new Error('no run at 16:00')
  const at = (minute: number) => model(route, minute)
  const lo = Math.min(at(960), at(990))
  const hi = Math.max(at(960), at(990))
  expect(at(975)).toBeGreaterThanOrEqual(lo * 0.97)
  expect(at(975)).toBeLessThanOrEqual(hi * 1.03)
  const measured = new Set(runs.flatMap((r) => r.segmentIds))
  const quiet = segments.find((s) => !measured.has(s.id) && s.roadClass === 'primary')
  if (!quiet) throw new Error('every primary segment is measured')
  // The evening rush slows a street no one measured, as it slows the measured ones of its class.
  expect(model.segmentKph(quiet.id, 1080)).toBeLessThan(model.segmentKph(quiet.id, 325))
  expect(model.segmentKph(quiet.id, 325)).toBeLessThan(quiet.freeFlowKph * 1.5)
})
