import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { PARTITION_COUNT, partitionOf, partitionOfObservation, partitionOfSubject } from './partition-of'

describe('partitionOf', () => {
  // Fixed vectors: a subject's partition is where its engine state and checkpoint live, so it must
  // not change between processes or releases.
  test.each([
    ['station:phu-an', 33],
    ['station:nha-be', 26],
    ['segment:seg-1278052498-2028465833', 26],
    ['station:Phú An', 25],
    ['', 0],
  ])('%j is in partition %i', (key, partition) => {
    expect(partitionOf(key)).toBe(partition)
  })

  test("a reading is judged in its subject's partition", () => {
    const water: Observation = {
      type: 'water',
      stationId: 'phu-an',
      observedAt: '2025-11-06T17:05:00+07:00',
      value: 1.62,
      source: 'sihymete',
    }
    const traffic: Observation = {
      type: 'traffic',
      segmentId: 'seg-1278052498-2028465833',
      observedAt: '2025-11-06T17:05:00+07:00',
      speedKph: 12,
      source: 'hcmc-its',
    }
    expect(partitionOfObservation(water)).toBe(partitionOfSubject({ type: 'station', id: 'phu-an' }))
    expect(partitionOfObservation(traffic)).toBe(
      partitionOfSubject({ type: 'segment', id: 'seg-1278052498-2028465833' }),
    )
  })

  test("the city's 5,649 stations and segments spread over all 64 partitions, none over 1.25× the mean", () => {
    const network = loadNetwork()
    const counts = new Array<number>(PARTITION_COUNT).fill(0)
    const keys = [
      ...network.stations.map((s) => partitionOfSubject({ type: 'station', id: s.id })),
      ...network.segments.map((s) => partitionOfSubject({ type: 'segment', id: s.id })),
    ]
    for (const p of keys) counts[p] = (counts[p] ?? 0) + 1
    const mean = keys.length / PARTITION_COUNT
    expect(keys).toHaveLength(5649)
    expect(Math.min(...counts)).toBeGreaterThan(0.7 * mean)
    expect(Math.max(...counts)).toBeLessThan(1.25 * mean)
  })
})
