import { describe, expect, test } from 'vitest'
import { createFormatters } from './format'

// 10:30 UTC is 17:30 in HCMC (UTC+7, no daylight saving).
const AT = Date.parse('2025-10-30T10:30:05Z')

describe('createFormatters', () => {
  test('Vietnamese uses a decimal comma and HCMC time', () => {
    const f = createFormatters('vi')
    expect(f.km(12.34)).toBe('12,3 km')
    expect(f.metres(1.6)).toBe('1,60 m')
    expect(f.clock(AT)).toBe('17:30:05')
    expect(f.date(AT)).toBe('30/10/2025')
  })

  test('English uses a decimal point, still in HCMC time', () => {
    const f = createFormatters('en')
    expect(f.km(12.34)).toBe('12.3 km')
    expect(f.time(AT)).toBe('17:30')
    expect(f.ago(AT - 125_000, AT)).toBe('2 minutes ago')
  })

  test('an age reads in its two largest units', () => {
    const vi = createFormatters('vi')
    expect(vi.duration(12 * 60_000 + 40_000)).toBe('12 phút')
    expect(vi.duration(125 * 60_000)).toBe('2 giờ 5 phút')
    expect(createFormatters('en').duration(27 * 3_600_000)).toBe('1 day 3 hours')
  })
})
