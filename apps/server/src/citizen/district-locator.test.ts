import { loadDistricts, loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { createDistrictLocator } from './district-locator'

const network = loadNetwork()
const locate = createDistrictLocator(loadDistricts(), network.stations)

test('a place in a district polygon is in that district', () => {
  expect(locate([106.7009, 10.7769])).toBe('Quận 1') // Nhà thờ Đức Bà
  expect(locate([106.7331, 10.7392])).toBe('Quận 7') // Huỳnh Tấn Phát
})

test('every flood sensor of the network is in the city, in or near its district', () => {
  const names = new Set(loadDistricts().map((d) => d.name))
  for (const s of network.stations) {
    const found = locate(s.location)
    expect(found, s.id).not.toBeNull()
    // In the towns that joined in 2025 (no polygon) the sensor names its own district.
    if (!names.has(s.district)) expect(found).toBe(s.district)
  }
})

test('outside the city is nowhere: the sea 7 km off Vũng Tàu, Hà Nội, and 0,0', () => {
  expect(locate([107.1, 10.3])).toBeNull()
  expect(locate([105.8342, 21.0278])).toBeNull()
  expect(locate([0, 0])).toBeNull()
})
