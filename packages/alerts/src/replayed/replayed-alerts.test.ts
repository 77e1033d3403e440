import type { AlertEvent } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { ReplayedAlerts } from './replayed-alerts'

const event = (type: AlertEvent['type'], severity: AlertEvent['severity'], at: number): AlertEvent => ({
  type,
  key: 'water-level:phu-an',
  kind: 'water-level',
  subject: { type: 'station', id: 'phu-an' },
  severity,
  value: 1.5,
  threshold: 1.4,
  unit: 'm',
  at,
  message: { vi: 'Phú An', en: 'Phú An' },
})

describe('ReplayedAlerts', () => {
  test('follows one alert from raised through a severity change to cleared', () => {
    const alerts = new ReplayedAlerts('what-if')
    expect(alerts.apply(event('raised', 'minor', 10))).toMatchObject({
      id: 'what-if:water-level:phu-an:10',
      active: true,
      severity: 'minor',
    })
    alerts.apply(event('severity-changed', 'major', 20))
    expect(alerts.list()).toMatchObject([{ severity: 'major', raisedAt: 10, updatedAt: 20 }])
    expect(alerts.apply(event('cleared', 'major', 30))).toMatchObject({ active: false, clearedAt: 30 })
    expect(alerts.list()).toEqual([])
  })

  test('restored from a saved list, it goes on from there', () => {
    const first = new ReplayedAlerts('r')
    first.apply(event('raised', 'minor', 10))
    const again = new ReplayedAlerts('r')
    again.restore(first.list())
    expect(again.apply(event('severity-changed', 'major', 20))).toMatchObject({
      id: 'r:water-level:phu-an:10',
    })
  })

  test('a change to an alert it never saw raised is ignored', () => {
    expect(new ReplayedAlerts('x').apply(event('cleared', 'minor', 5))).toBeNull()
  })
})
