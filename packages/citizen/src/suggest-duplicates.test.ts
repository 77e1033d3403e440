import type { CitizenReport } from '@ioc/domain'
import { expect, test } from 'vitest'
import { suggestDuplicates } from './suggest-duplicates'

const T = Date.parse('2025-11-06T17:30:00+07:00')
// Huỳnh Tấn Phát, Quận 7: one degree of latitude is ~110.6 km, so 0.001° ≈ 111 m.
const at = (dLatDeg: number): [number, number] => [106.7331, 10.7392 + dLatDeg]
const r = (code: string, over: Partial<CitizenReport> = {}) => ({
  code,
  category: 'flood' as const,
  location: at(0),
  createdAt: T,
  status: 'new' as const,
  ...over,
})

test('reports of one street within 500 m and an hour are suggested as one, earliest first', () => {
  const dup = suggestDuplicates([
    r('AAAA-0003', { createdAt: T + 50 * 60_000, location: at(0.004) }),
    r('AAAA-0001'),
    r('AAAA-0002', { createdAt: T + 10 * 60_000, location: at(0.002) }),
  ])
  expect(dup).toEqual({
    'AAAA-0001': ['AAAA-0002', 'AAAA-0003'],
    'AAAA-0002': ['AAAA-0001', 'AAAA-0003'],
    'AAAA-0003': ['AAAA-0001', 'AAAA-0002'],
  })
})

test('farther than 500 m, more than an hour apart, another category or closed: not suggested', () => {
  const dup = suggestDuplicates([
    r('AAAA-0001'),
    r('AAAA-0002', { location: at(0.0046) }), // ~509 m
    r('AAAA-0003', { createdAt: T + 61 * 60_000 }),
    r('AAAA-0004', { category: 'jam' }),
    r('AAAA-0005', { status: 'rejected' }),
    r('AAAA-0006', { status: 'merged' }),
  ])
  expect(dup).toEqual({})
})
