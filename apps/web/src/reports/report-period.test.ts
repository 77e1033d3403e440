import { expect, test } from 'vitest'
import { localDay, reportQuery } from './report-period'

test('a period of whole HCMC days, both ends included', () => {
  const from = Date.parse('2025-11-06T00:00:00+07:00')
  const to = Date.parse('2025-11-08T00:00:00+07:00')
  expect(reportQuery('2025-11-06', '2025-11-07')).toBe(`/api/v1/reports?from=${from}&to=${to}&format=json`)
  // 23:30 UTC on the 5th is already the 6th in HCMC.
  expect(localDay(Date.parse('2025-11-05T23:30:00Z'))).toBe('2025-11-06')
})
