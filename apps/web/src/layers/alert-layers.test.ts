import { expect, test } from 'vitest'
import { huynhTanPhatFlood, phuAnCritical } from '../console/test-alerts'
import { isMarked } from './alert-layers'

test('the map rings alerts whose condition holds, not those waiting only for an acknowledgement', () => {
  expect(isMarked(phuAnCritical())).toBe(true)
  expect(isMarked(phuAnCritical({ active: false, clearedAt: phuAnCritical().raisedAt + 60_000 }))).toBe(false)
})

test('plain congestion gets no ring (the road is already coloured); a flooded street does', () => {
  const flood = huynhTanPhatFlood()
  expect(isMarked(flood)).toBe(true)
  expect(isMarked({ ...flood, kind: 'congestion', severity: 'warning' })).toBe(false)
  expect(isMarked({ ...flood, kind: 'congestion', severity: 'major' })).toBe(true)
})
