import { expect, test } from 'vitest'
import { localDay, reportPeriod } from './report-period'

test('a period of whole HCMC days, both ends included', () => {
  const from = Date.parse('2025-11-06T00:00:00+07:00')
  const to = Date.parse('2025-11-08T00:00:00+07:00')
  expect(reportPeriod('2025-11-06', '2025-11-07')).toEqual({ from, to })
  // 23:30 UTC on the 5th is already the 6th in HCMC.
  expect(localDay(Date.parse('2025-11-05T23:30:00Z'))).toBe('2025-11-06')
})
