import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { PARTITION_COUNT, partitionOf } from './partition-of'
import { stateOfPartition } from './state-of-partition'

const network = loadNetwork()

test('the partitions’ shares of a whole engine state cover every subject once, and keep its engine-wide fields', () => {
  const whole = {
    version: 1,
    networkVersion: network.version,
    silenceBaselineMs: 1_762_423_200_000,
    stations: Object.fromEntries(network.stations.map((s) => [s.id, { lastAtMs: 1 }])),
    segments: Object.fromEntries(network.segments.slice(0, 500).map((s) => [s.id, { lastAtMs: 2 }])),
  }
  const shares = Array.from({ length: PARTITION_COUNT }, (_, p) => stateOfPartition(whole, p))
  const stationIds = shares.flatMap((s) => Object.keys(s.stations))
  const segmentIds = shares.flatMap((s) => Object.keys(s.segments))
  expect(stationIds.toSorted()).toEqual(Object.keys(whole.stations).toSorted())
  expect(segmentIds.toSorted()).toEqual(Object.keys(whole.segments).toSorted())
  const phuAn = shares[partitionOf('station:phu-an')]
  expect(phuAn?.stations['phu-an']).toEqual({ lastAtMs: 1 })
  expect(phuAn).toMatchObject({
    version: 1,
    networkVersion: network.version,
    silenceBaselineMs: 1_762_423_200_000,
  })
  for (const [p, share] of shares.entries())
    for (const id of Object.keys(share.segments)) expect(partitionOf(`segment:${id}`)).toBe(p)
})
