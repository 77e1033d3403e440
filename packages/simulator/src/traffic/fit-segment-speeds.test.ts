import { expect, test } from 'vitest'
import { fitSegmentSpeeds, pathSpeedKph } from './fit-segment-speeds'

const lengths: Record<string, number> = { 'seg-a': 200, 'seg-b': 300, 'seg-c': 500 }
const lengthM = (id: string) => lengths[id] ?? 0

test('overlapping paths that agree are matched exactly', () => {
  const truth: Record<string, number> = { 'seg-a': 30, 'seg-b': 12, 'seg-c': 40 }
  const paths = [['seg-a', 'seg-b'], ['seg-b', 'seg-c'], ['seg-a', 'seg-b', 'seg-c'], ['seg-c']].map(
    (ids) => ({
      segmentIds: ids,
      speedKph: pathSpeedKph(ids, lengthM, (id) => truth[id] ?? 1),
    }),
  )
  const fitted = fitSegmentSpeeds(paths, lengthM)
  for (const p of paths) {
    const simulated = pathSpeedKph(p.segmentIds, lengthM, (id) => fitted.get(id) ?? 1)
    expect(Math.abs(simulated / p.speedKph - 1)).toBeLessThan(0.01)
  }
})

test('two contradicting measurements of the same segment meet in between', () => {
  const fitted = fitSegmentSpeeds(
    [
      { segmentIds: ['seg-a'], speedKph: 20 },
      { segmentIds: ['seg-a'], speedKph: 30 },
    ],
    lengthM,
  )
  expect(fitted.get('seg-a')).toBeGreaterThan(20)
  expect(fitted.get('seg-a')).toBeLessThan(30)
})
