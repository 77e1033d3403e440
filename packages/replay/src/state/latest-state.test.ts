import { indexNetwork, type Observation, type StateSnapshot } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { LatestState, newestReadings } from './latest-state'

const network = loadNetwork()
const index = indexNetwork(network)
const seg = (i: number) => network.segments[i]?.id as string
const phuAnIdx = network.stations.findIndex((s) => s.id === 'phu-an')
const T0 = Date.parse('2025-10-07T11:00:00Z')
const iso = (ms: number) => new Date(ms).toISOString()

const speed = (i: number, kph: number, atMs = T0): Observation => ({
  type: 'traffic',
  segmentId: seg(i),
  observedAt: iso(atMs),
  speedKph: kph,
  source: 'tomtom',
})
const level = (m: number, atMs = T0): Observation => ({
  type: 'water',
  stationId: 'phu-an',
  observedAt: iso(atMs),
  value: m,
  source: 'sihymete',
})

describe('LatestState', () => {
  test('a burst of observations becomes one delta with the latest value per subject', () => {
    const s = new LatestState(index)
    s.apply([speed(7, 40), speed(3, 25), speed(7, 12, T0 + 60_000), level(1.41)])
    expect(s.takeDelta(T0 + 100)).toEqual({
      networkVersion: network.version,
      seq: 1,
      clock: T0 + 100,
      traffic: { segmentIdx: [3, 7], speedKph: [25, 12], observedAt: [T0, T0 + 60_000] },
      water: { stationIdx: [phuAnIdx], value: [1.41], observedAt: [T0] },
    })
    expect(s.takeDelta(T0 + 200)).toBeNull()
    // A heartbeat: nothing changed, but the stream moves on, so clients know the server is alive.
    expect(s.takeDelta(T0 + 300, true)).toMatchObject({
      seq: 2,
      clock: T0 + 300,
      traffic: { segmentIdx: [] },
      water: { stationIdx: [] },
    })
  })

  test('an older or repeated reading changes nothing', () => {
    const s = new LatestState(index)
    s.apply([speed(1, 30, T0 + 1000)])
    s.takeDelta(T0)
    s.apply([speed(1, 50, T0), speed(1, 99, T0 + 1000)])
    expect(s.hasChanges()).toBe(false)
  })

  test('snapshot holds every subject with data and leaves pending changes for the next delta', () => {
    const s = new LatestState(index)
    s.apply([speed(2, 33), level(1.2)])
    const snap: StateSnapshot = s.snapshot(T0, [])
    expect(snap.traffic).toEqual({ segmentIdx: [2], speedKph: [33], observedAt: [T0] })
    expect(snap.water.stationIdx).toEqual([phuAnIdx])
    expect(s.takeDelta(T0)?.seq).toBe(1)
  })

  test('applying the deltas to the first snapshot gives the current snapshot', () => {
    const s = new LatestState(index)
    s.apply([speed(0, 10)])
    const first = s.snapshot(T0, []).traffic
    const speeds = new Map(first.segmentIdx.map((i, k) => [i, first.speedKph[k] as number]))
    for (let round = 1; round <= 20; round++) {
      s.apply([speed(round % 6, round, T0 + round), speed((round * 5) % 11, 100 - round, T0 + round)])
      const d = s.takeDelta(T0 + round)
      d?.traffic.segmentIdx.forEach((i, k) => {
        speeds.set(i, d.traffic.speedKph[k] as number)
      })
    }
    const now = s.snapshot(T0 + 99, [])
    expect(new Map(now.traffic.segmentIdx.map((i, k) => [i, now.traffic.speedKph[k]]))).toEqual(speeds)
  })

  test('replaceAll makes a new picture with nothing pending, and deltas keep counting', () => {
    const s = new LatestState(index)
    s.apply([speed(1, 30), speed(2, 40)])
    expect(s.takeDelta(T0)?.seq).toBe(1)
    s.replaceAll([speed(2, 15, T0 - 60_000), level(1.5)])
    expect(s.hasChanges()).toBe(false)
    expect(s.snapshot(T0, []).traffic).toEqual({ segmentIdx: [2], speedKph: [15], observedAt: [T0 - 60_000] })
    s.apply([speed(3, 20)])
    expect(s.takeDelta(T0)).toMatchObject({ seq: 2, traffic: { segmentIdx: [3] } })
  })
})

describe('newestReadings', () => {
  test("another instance's state, given a batch's newest readings, ends as if it had applied the batch", () => {
    const batch = [speed(4, 30, T0 + 2000), speed(4, 55, T0 + 1000), speed(9, 20), speed(9, 21), level(1.3)]
    const direct = new LatestState(index)
    const relayed = new LatestState(index)
    for (const s of [direct, relayed]) s.apply([speed(9, 44, T0 - 1000), speed(4, 60, T0 + 3000)])
    direct.apply(batch)
    expect(relayed.applyNewest(newestReadings(index, batch))).toBe(true)
    expect(relayed.snapshot(T0, [])).toEqual(direct.snapshot(T0, []))
    expect(relayed.takeDelta(T0)).toEqual(direct.takeDelta(T0))
  })

  test('a batch of thousands of readings of a few subjects travels as one reading per subject', () => {
    const batch = Array.from({ length: 3000 }, (_, i) => speed(i % 3, i % 70, T0 + i * 1000))
    const readings = newestReadings(index, batch)
    expect(readings.traffic).toEqual({
      segmentIdx: [0, 1, 2],
      speedKph: [2997 % 70, 2998 % 70, 2999 % 70],
      observedAt: [T0 + 2_997_000, T0 + 2_998_000, T0 + 2_999_000],
    })
  })

  test('readings indexed for another network version change nothing', () => {
    const s = new LatestState(index)
    const other = { ...newestReadings(index, [speed(1, 30)]), networkVersion: 'another' }
    expect(s.applyNewest(other)).toBe(false)
    expect(s.hasChanges()).toBe(false)
  })
})
