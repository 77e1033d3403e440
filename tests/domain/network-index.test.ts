import { indexNetwork, networkToGeoJson, stationById } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'

test('a subject’s position is its GeoJSON feature id, and a station is found by its id', () => {
  const network = loadNetwork()
  const index = indexNetwork(network)
  const geo = networkToGeoJson(network)
  const phuAn = index.stationIdx.get('phu-an') as number
  expect(geo.stations.features[phuAn]?.properties.id).toBe('phu-an')
  const seg = network.segments[42]?.id as string
  expect(geo.segments.features[index.segmentIdx.get(seg) as number]?.properties.id).toBe(seg)
  expect(stationById(index, 'phu-an')?.name).toBe('Phú An')
  expect(stationById(index, 'nowhere')).toBeUndefined()
})
