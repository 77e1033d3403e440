import { expect, test } from 'vitest'
import { chooseRouteMemory, createRouteMemory, type RouteRun } from './route-memory'

// A morning rush: 30 km/h at 06:00, 15 km/h at 08:00, back to 30 by 10:00.
const minutes = [360, 390, 420, 450, 480, 510, 540, 570, 600]
const rush = (m: number) => 1 - 0.5 * Math.exp(-(((m - 480) / 50) ** 2))
const runs: RouteRun[] = minutes.flatMap((minute) => [
  { routeId: 'along', minute, speedKph: 30 * rush(minute) },
  { routeId: 'slower', minute, speedKph: 24 * rush(minute) },
  { routeId: 'flat', minute, speedKph: 20 },
])
const options = { tauMin: 480, noiseRatio: 0.2, rushSd: 3 }

test('a route left out at a minute keeps its own level and its own rush there', () => {
  const memory = createRouteMemory(
    runs.filter((r) => r.minute !== 480),
    options,
  )
  const at = (id: string) => Math.exp(memory(id, 480) as number)
  // The route 20 % slower than its neighbour at every other minute is 20 % slower at the rush's depth.
  expect(at('slower') / at('along')).toBeCloseTo(0.8, 2)
  // The street that never slowed does not take the city's rush; the one that did, does.
  expect(at('flat') / 20).toBeCloseTo(1, 1)
  expect(at('along')).toBeLessThan(30 * 0.7)
  expect(memory('never measured', 480)).toBeUndefined()
})

test('the options are chosen on minutes left out of the runs given', () => {
  const noisy = runs.map((r, i) => ({ ...r, speedKph: r.speedKph * (i % 2 ? 1.08 : 0.92) }))
  const candidates = [
    { tauMin: 480, noiseRatio: 0.01, rushSd: 3 },
    { tauMin: 480, noiseRatio: 1, rushSd: 3 },
  ]
  // Runs ±8 % about their course: the memory that smooths them predicts a left-out minute better.
  expect(chooseRouteMemory(noisy, candidates)).toEqual(candidates[1])
})
