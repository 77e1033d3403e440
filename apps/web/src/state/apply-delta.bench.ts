import { emptyWater, type StateDelta } from '@ioc/domain'
import { bench, describe } from 'vitest'
import { speedRatioColor } from '../layers/colors'
import { applyDelta, createLiveState } from './live-state'

// 20,000 segments loaded (3.6× the OSM network, room for growth), 5,000 of them changed in one tick.
const SEGMENTS = 20_000
const CHANGED = 5_000
const T0 = Date.parse('2025-10-30T17:30:00+07:00')

const state = createLiveState('bench', SEGMENTS, 64)
const segmentIdx = Array.from({ length: CHANGED }, (_, i) => (i * 7919) % SEGMENTS)
const speedKph = segmentIdx.map((i) => 5 + (i % 60))
const observedAt = segmentIdx.map((i) => T0 + i)
let seq = 0
const delta = (): StateDelta => ({
  networkVersion: 'bench',
  seq: seq++,
  clock: T0,
  traffic: { segmentIdx, speedKph, observedAt },
  water: emptyWater(),
})

const bareSpeeds = new Float32Array(SEGMENTS)
const bareAt = new Float64Array(SEGMENTS)

describe(`apply a delta of ${CHANGED} segments with ${SEGMENTS} loaded`, () => {
  bench('Baseline# bare typed-array writes of the same values', () => {
    for (let i = 0; i < CHANGED; i++) {
      const idx = segmentIdx[i] as number
      bareSpeeds[idx] = speedKph[i] as number
      bareAt[idx] = observedAt[i] as number
    }
  })
  bench('applyDelta (checks + writes + version bump)', () => {
    applyDelta(state, delta())
  })
})

// What the version bump then costs deck.gl: its getColor accessor runs once per segment.
const freeFlowKph = new Float32Array(SEGMENTS).fill(50)
const colors = new Uint8ClampedArray(SEGMENTS * 4)
describe(`recolour ${SEGMENTS} segments after a delta`, () => {
  bench('speedRatioColor for every segment into a colour buffer', () => {
    for (let i = 0; i < SEGMENTS; i++) {
      colors.set(speedRatioColor((state.speedKph[i] as number) / (freeFlowKph[i] as number)), i * 4)
    }
  })
})
