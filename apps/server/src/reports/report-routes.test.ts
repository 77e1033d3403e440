import { expect, test } from 'vitest'
import { reportPoints } from './report-routes'

const DAY = 86_400_000
const NOV_1 = Date.parse('2025-11-01T00:00:00+07:00')

test('a report reads a gauge finer the shorter its period: 5 min for a week, 15 min for a month, hourly for a year', () => {
  expect(reportPoints(NOV_1, NOV_1 + DAY)).toBe(288)
  expect(reportPoints(NOV_1, NOV_1 + 7 * DAY)).toBe(7 * 288)
  expect(reportPoints(NOV_1, NOV_1 + 30 * DAY)).toBe(30 * 96)
  expect(reportPoints(NOV_1, NOV_1 + 365 * DAY)).toBe(365 * 24)
})
