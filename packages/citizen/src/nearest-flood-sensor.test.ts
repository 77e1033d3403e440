import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { nearestFloodSensor } from './nearest-flood-sensor'

const network = loadNetwork()

test('a flood reported near Võ Văn Kiệt × Hồ Học Lãm is read into that point’s sensor', () => {
  // fp-001 is at [106.611018, 10.722182]; 0.002° of latitude north is ~220 m.
  const hit = nearestFloodSensor(network, [106.611018, 10.724182])
  expect(hit?.station.id).toBe('fs-001')
  expect(hit?.station.floodPointId).toBe('fp-001')
  expect(hit?.distanceM).toBeGreaterThan(200)
  expect(hit?.distanceM).toBeLessThan(240)
})

test('no flood point within 500 m: nothing to feed', () => {
  // Mid-river in the Sài Gòn, far from every flood point of the fixtures.
  expect(nearestFloodSensor(network, [106.745, 10.795])).toBeNull()
})
