import { expect, test } from 'vitest'
import {
  formatLocalHhMm,
  formatLocalIso,
  isLocalWeekend,
  localDay,
  localHour,
  localMidnightMs,
  localMinuteOfDay,
  localTimeMs,
} from './hcmc-time'

test('formats epoch times as HCMC local ISO with +07:00', () => {
  expect(formatLocalIso(Date.parse('2025-11-06T10:05:00Z'))).toBe('2025-11-06T17:05:00+07:00')
  expect(formatLocalIso(Date.parse('2025-11-05T17:00:00Z'))).toBe('2025-11-06T00:00:00+07:00')
  expect(formatLocalHhMm(Date.parse('2025-11-06T10:05:00Z'))).toBe('17:05')
  expect(localHour(Date.parse('2025-11-06T10:05:00Z'))).toBe(17)
  expect(localHour(Date.parse('2025-11-05T17:00:00Z'))).toBe(0)
})

test('local minute of day and weekend follow Vietnamese wall-clock time', () => {
  expect(localMinuteOfDay(localTimeMs('2025-10-30', '17:30'))).toBe(17 * 60 + 30)
  expect(isLocalWeekend(localTimeMs('2025-10-30', '23:59'))).toBe(false) // Thursday
  expect(isLocalWeekend(localTimeMs('2025-11-01', '00:30'))).toBe(true) // Saturday, still Friday in UTC
})

test('a local day starts at local midnight, 17:00 UTC the evening before', () => {
  const lateEvening = localTimeMs('2025-11-06', '23:30')
  expect(localMidnightMs(lateEvening)).toBe(Date.parse('2025-11-05T17:00:00Z'))
  expect(localDay(Date.parse('2025-11-05T17:00:00Z'))).toBe('2025-11-06')
})
