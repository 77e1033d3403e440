import { expect, test } from 'vitest'
import { stepStreetDepth } from './street-depth'

const site = { drainCapacityMmPerH: 30, cmPerExcessMm: 0.5, drainTauH: 2, tideThresholdM: 1.5 }

function run(rain: (h: number) => number, river: (h: number) => number, hours: number): number[] {
  const dtH = 5 / 60
  let rainDepthCm = 0
  const depths: number[] = []
  for (let i = 0; i < hours / dtH; i++) {
    const s = stepStreetDepth(site, rainDepthCm, rain(i * dtH), river(i * dtH), dtH)
    rainDepthCm = s.rainDepthCm
    depths.push(s.depthCm)
  }
  return depths
}

test('a heavy shower floods the street within the hour and drains over hours', () => {
  const depths = run(
    (h) => (h < 1.5 ? 90 : 0),
    () => 1.0,
    8,
  )
  const at = (h: number) => depths[Math.round(h * 12) - 1] ?? Number.NaN
  expect(at(1)).toBeGreaterThan(20)
  expect(at(1.5)).toBeGreaterThan(30)
  expect(at(3.5)).toBeLessThan(at(1.5) / 2)
  expect(at(3.5)).toBeGreaterThan(5) // still wet two hours later
  expect(at(8)).toBeLessThan(2)
})

test('rain below the drain capacity leaves the street dry', () => {
  expect(
    Math.max(
      ...run(
        () => 25,
        () => 1.0,
        3,
      ),
    ),
  ).toBe(0)
})

test('a tide above the threshold floods a tidal street and holds the rain water', () => {
  const tideOnly = run(
    () => 0,
    () => 1.7,
    1,
  )
  expect(tideOnly.at(-1)).toBeCloseTo(20)
  const both = run(
    (h) => (h < 1 ? 90 : 0),
    () => 1.7,
    3,
  )
  expect(both.at(-1)).toBeCloseTo(both[11] as number)
})
