import { type Alert, AlertAction, newAlert } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { applyOfficerAction } from './apply-officer-action'

const T0 = Date.parse('2025-11-06T17:05:00+07:00')
const alert: Alert = newAlert({
  id: 'a1',
  key: 'water-level:phu-an',
  kind: 'water-level',
  subject: { type: 'station', id: 'phu-an' },
  severity: 'critical',
  value: 1.62,
  threshold: 1.6,
  unit: 'm',
  message: { vi: 'Phú An vượt báo động III', en: 'Phú An above alarm level III' },
  raisedAt: T0,
})

describe('a duty officer acting on an alert', () => {
  test('the second acknowledgement is refused with who got there first', () => {
    const first = applyOfficerAction(alert, { type: 'acknowledge', note: '' }, 'lan', T0 + 60_000)
    if (!first.ok) throw new Error('the first acknowledgement was refused')
    expect(applyOfficerAction(first.value, { type: 'acknowledge', note: '' }, 'minh', T0 + 90_000)).toEqual({
      ok: false,
      error: { code: 'already_acknowledged', by: 'lan', at: T0 + 60_000 },
    })
  })

  test('an active alert is resolved only by force, and the resolution says it was forced', () => {
    const resolve = { type: 'resolve', note: 'đã xử lý', force: false } as const
    expect(applyOfficerAction(alert, resolve, 'lan', T0)).toEqual({
      ok: false,
      error: { code: 'still_active' },
    })
    const forced = applyOfficerAction(alert, { ...resolve, force: true }, 'lan', T0)
    expect(forced.ok && forced.value.resolution).toEqual({
      by: 'lan',
      at: T0,
      note: 'đã xử lý',
      forced: true,
    })
  })

  test('the one action schema refuses a blank resolution note', () => {
    expect(AlertAction.safeParse({ type: 'resolve', note: '   ' }).success).toBe(false)
  })
})
