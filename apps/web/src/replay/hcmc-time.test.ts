import { describe, expect, test } from 'vitest'
import { fromLocalInput, startOfLocalDay, toLocalInput } from './hcmc-time'

describe('HCMC time inputs', () => {
  test('an instant shows as HCMC wall time, whatever zone the browser is in', () => {
    expect(toLocalInput(Date.parse('2025-11-06T08:00:00Z'))).toBe('2025-11-06T15:00')
    expect(toLocalInput(Date.parse('2025-11-06T20:30:00Z'))).toBe('2025-11-07T03:30')
  })

  test('typed wall time reads as HCMC time; blanks and garbage are refused', () => {
    expect(fromLocalInput('2025-11-06T15:00')).toBe(Date.parse('2025-11-06T15:00:00+07:00'))
    expect(fromLocalInput('2025-11-06T15:00:30')).toBe(Date.parse('2025-11-06T15:00:30+07:00'))
    expect(fromLocalInput('')).toBeNull()
    expect(fromLocalInput('06/11/2025 15:00')).toBeNull()
    expect(fromLocalInput('2025-13-45T15:00')).toBeNull()
  })

  test('the local day starts at 00:00 in HCMC (17:00 UTC the day before)', () => {
    expect(startOfLocalDay(Date.parse('2025-11-06T03:00:00+07:00'))).toBe(
      Date.parse('2025-11-06T00:00:00+07:00'),
    )
    expect(startOfLocalDay(Date.parse('2025-11-06T23:59:00+07:00'))).toBe(
      Date.parse('2025-11-06T00:00:00+07:00'),
    )
  })
})
