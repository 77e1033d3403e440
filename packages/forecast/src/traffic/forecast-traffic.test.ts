import { localHour, type Network, type RoadSegment } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { createSeriesStore } from '../history/series-history'
import { forecastSegmentSpeed } from './forecast-traffic'
import { forecastStreetFloodFactors } from './street-flood-factors'
import { fitTrafficModel, profileKph } from './traffic-model'

const network = loadNetwork()
const point = network.floodPoints.find((p) => p.segmentIds.length > 0) as Network['floodPoints'][number]
const sensor = network.stations.find((s) => s.kind === 'street-flood-sensor' && s.floodPointId === point.id)
const segment = network.segments.find((s) => s.id === point.segmentIds[0]) as RoadSegment
const DAY_MS = 86_400_000
const MIN = 60_000
const T0 = Date.parse('2025-11-20T17:00:00+07:00') // a Thursday
// A usual day: free flow at night, 50 % in the evening rush; each reading ±2 % by a fixed pattern.
const usual = (atMs: number) => {
  const hour = localHour(atMs)
  return segment.freeFlowKph * (hour >= 16 && hour < 19 ? 0.5 : 0.9)
}
const wobble = (atMs: number) => 1 + 0.02 * Math.sin(atMs / 300_000)

function history(incidentFromMs: number) {
  const store = createSeriesStore()
  for (let t = T0 - 21 * DAY_MS; t <= T0; t += 5 * MIN) {
    // A 40-min incident at 10:00 every third day (too rare to move the usual speed), and the one under test.
    const sinceT0 = t - T0
    const day = Math.floor(sinceT0 / DAY_MS)
    const ofDay = sinceT0 - day * DAY_MS
    const earlier = day % 3 === 0 && ofDay >= 17 * 3_600_000 && ofDay < 17 * 3_600_000 + 40 * MIN
    const inIncident = earlier || t >= incidentFromMs
    store.append(segment.id, t, usual(t) * wobble(t) * (inIncident ? 0.5 : 1))
  }
  return store
}

test('a segment slowed now is forecast to recover toward its usual speed over the hour', () => {
  const store = history(T0 - 10 * MIN)
  const model = fitTrafficModel(store, [segment], Date.parse('2025-11-20T00:00:00+07:00'))
  expect(profileKph(model, segment, T0 + 30 * MIN)).toBeCloseTo(usual(T0), 0)
  const f = forecastSegmentSpeed(store, model, segment, T0)
  const [at15, at30, at60] = f.leads.map((l) => l.speedKph / l.usualKph) as [number, number, number]
  expect(at15).toBeLessThan(0.85)
  expect(at15).toBeLessThan(at30)
  expect(at30).toBeLessThan(at60)
  expect(at60).toBeGreaterThan(0.8)
})

test('speeds read after the forecast time do not change the forecast', () => {
  const store = history(T0 - 10 * MIN)
  const model = fitTrafficModel(store, [segment], Date.parse('2025-11-20T00:00:00+07:00'))
  const before = forecastSegmentSpeed(store, model, segment, T0)
  for (let t = T0 + 5 * MIN; t < T0 + 2 * 3_600_000; t += 5 * MIN) store.append(segment.id, t, 1)
  expect(forecastSegmentSpeed(store, model, segment, T0)).toEqual(before)
  expect(() => forecastSegmentSpeed(store, { ...model, asOfMs: T0 + 1 }, segment, T0)).toThrow(/newer/)
})

test('a street rising past 30 cm slows the forecast of the segments through it', () => {
  const store = history(Number.POSITIVE_INFINITY)
  for (const [min, cm] of [
    [-30, 5],
    [-20, 12],
    [-10, 20],
    [0, 28],
  ])
    store.append(sensor?.id ?? '', T0 + (min as number) * MIN, cm as number)
  const model = fitTrafficModel(store, [segment], Date.parse('2025-11-20T00:00:00+07:00'))
  const shares = forecastStreetFloodFactors(store, network, T0, [15, 30, 60]).get(segment.id)
  expect(shares).toEqual([0.7, 0.4, 0.15, 0.15])
  const dry = forecastSegmentSpeed(store, model, segment, T0)
  const wet = forecastSegmentSpeed(store, model, segment, T0, shares)
  expect((wet.leads[1]?.speedKph ?? 0) / (dry.leads[1]?.speedKph ?? 1)).toBeLessThan(0.5)
})
