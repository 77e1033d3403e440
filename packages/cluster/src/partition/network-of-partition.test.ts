import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { networkOfPartition } from './network-of-partition'
import { PARTITION_COUNT } from './partition-of'

const network = loadNetwork()
const parts = Array.from({ length: PARTITION_COUNT }, (_, p) => networkOfPartition(network, p))

test('the partitions’ networks split the city’s stations and segments, each in exactly one', () => {
  const ids = (pick: (n: (typeof parts)[number]) => { id: string }[]) =>
    parts.flatMap((n) => pick(n).map((s) => s.id))
  expect(ids((n) => n.stations).sort()).toEqual(network.stations.map((s) => s.id).sort())
  expect(ids((n) => n.segments).sort()).toEqual(network.segments.map((s) => s.id).sort())
  expect(parts[33]?.stations.map((s) => s.id)).toContain('phu-an')
  expect(parts.every((n) => n.floodPoints.length === network.floodPoints.length)).toBe(true)
})
