import { emptyTraffic, emptyWater, type StateDelta, type StateSnapshot } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { applyDelta, applySnapshot, createLiveState } from './live-state'

const T0 = Date.parse('2025-10-30T17:30:00+07:00')

function snapshot(over: Partial<StateSnapshot> = {}): StateSnapshot {
  return {
    networkVersion: 'v1',
    clock: T0,
    traffic: { segmentIdx: [0, 2], speedKph: [31, 12.5], observedAt: [T0 - 60_000, T0 - 30_000] },
    water: { stationIdx: [1], value: [1.42], observedAt: [T0 - 120_000] },
    alerts: [],
    ...over,
  }
}

function delta(seq: number, over: Partial<StateDelta> = {}): StateDelta {
  return {
    networkVersion: 'v1',
    seq,
    clock: T0 + seq * 100,
    traffic: emptyTraffic(),
    water: emptyWater(),
    ...over,
  }
}

describe('applySnapshot', () => {
  test('fills the columns and leaves unreported subjects empty', () => {
    const s = createLiveState('v1', 4, 2)
    expect(applySnapshot(s, snapshot())).toEqual({ ok: true, value: { gap: false } })
    expect(Array.from(s.speedKph)).toEqual([31, Number.NaN, 12.5, Number.NaN])
    expect(s.trafficAt[2]).toBe(T0 - 30_000)
    expect(s.waterValue[1]).toBeCloseTo(1.42, 5)
    expect(Number.isNaN(s.waterValue[0])).toBe(true)
    expect(s.clock).toBe(T0)
  })

  test('a fresh snapshot after a reconnect forgets values the server no longer has', () => {
    const s = createLiveState('v1', 4, 2)
    applySnapshot(s, snapshot())
    applySnapshot(s, snapshot({ traffic: { segmentIdx: [3], speedKph: [44], observedAt: [T0] } }))
    expect(Array.from(s.speedKph)).toEqual([Number.NaN, Number.NaN, Number.NaN, 44])
  })

  test('a snapshot for another network version is refused and changes nothing', () => {
    const s = createLiveState('v1', 4, 2)
    applySnapshot(s, snapshot())
    const before = { speeds: Array.from(s.speedKph), version: s.trafficVersion }
    expect(applySnapshot(s, snapshot({ networkVersion: 'v2' }))).toEqual({
      ok: false,
      error: 'network-changed',
    })
    expect({ speeds: Array.from(s.speedKph), version: s.trafficVersion }).toEqual(before)
  })
})

describe('applyDelta', () => {
  test('updates only the subjects in the delta and bumps only the column that changed', () => {
    const s = createLiveState('v1', 4, 2)
    applySnapshot(s, snapshot())
    const versions = { traffic: s.trafficVersion, water: s.waterVersion }
    const result = applyDelta(
      s,
      delta(7, { traffic: { segmentIdx: [2], speedKph: [8], observedAt: [T0 + 700] } }),
    )
    expect(result).toEqual({ ok: true, value: { gap: false } })
    expect(Array.from(s.speedKph)).toEqual([31, Number.NaN, 8, Number.NaN])
    expect(s.trafficAt[2]).toBe(T0 + 700)
    expect(s.trafficVersion).toBe(versions.traffic + 1)
    expect(s.waterVersion).toBe(versions.water)
    expect(s.clock).toBe(T0 + 700)
  })

  test('a missed delta is reported as a gap so the client asks for a snapshot', () => {
    const s = createLiveState('v1', 4, 2)
    applySnapshot(s, snapshot())
    expect(applyDelta(s, delta(10))).toEqual({ ok: true, value: { gap: false } })
    expect(applyDelta(s, delta(11))).toEqual({ ok: true, value: { gap: false } })
    const gapped = applyDelta(s, delta(13, { water: { stationIdx: [0], value: [2.1], observedAt: [T0] } }))
    expect(gapped).toEqual({ ok: true, value: { gap: true } })
    expect(s.waterValue[0]).toBeCloseTo(2.1, 5)
  })

  test('an index past the end of the network is refused whole', () => {
    const s = createLiveState('v1', 4, 2)
    applySnapshot(s, snapshot())
    const bad = delta(1, { traffic: { segmentIdx: [1, 4], speedKph: [20, 20], observedAt: [T0, T0] } })
    expect(applyDelta(s, bad)).toEqual({ ok: false, error: 'index-out-of-range' })
    expect(Number.isNaN(s.speedKph[1])).toBe(true)
  })
})
