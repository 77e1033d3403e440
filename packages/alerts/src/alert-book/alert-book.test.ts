import type { Alert } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { applyEngineEvent } from '../engine-event/apply-engine-event'
import { waterLevelEvent } from '../testing/water-level-event'
import { createAlertBook } from './alert-book'

const T0 = Date.parse('2025-11-06T17:05:00+07:00')
const MIN = 60_000
/** A critical alert raised at T0 on the station `id`, as the lifecycle raises it, then changed by `fields`. */
const alert = (id: string, fields: Partial<Alert> = {}): Alert => {
  const [raised] = applyEngineEvent(waterLevelEvent('raised', 'critical', T0, { stationId: id }), [], {
    id: () => id,
    silenced: false,
  })
  if (!raised) throw new Error('nothing raised')
  return { ...raised.alert, ...fields }
}
const resolution = { by: 'lan', at: T0 + MIN, note: 'đã xử lý', forced: true }

describe('the alert book', () => {
  test('a force-resolved alert the engine still holds stays for its next event, out of the open queue', () => {
    const book = createAlertBook({ entries: [{ alert: alert('phu-an'), criticalSince: T0 }], silences: [] })
    book.apply([{ alert: alert('phu-an', { resolution }), criticalSince: T0 }])
    expect(book.activeOf('water-level:phu-an').map((a) => a.resolution?.forced)).toEqual([true])
    expect(book.open()).toEqual([])
    // Cleared by the engine, a resolved alert is history: gone from the book.
    book.apply([{ alert: alert('phu-an', { resolution, active: false }), criticalSince: T0 }])
    expect(book.get('phu-an')).toBeUndefined()
    expect(book.activeOf('water-level:phu-an')).toEqual([])
  })

  test('a cleared, unresolved alert waits in the open queue but no longer takes engine events', () => {
    const book = createAlertBook({ entries: [], silences: [] })
    book.apply([{ alert: alert('phu-an', { active: false, clearedAt: T0 + MIN }), criticalSince: null }])
    expect(book.open().map((a) => a.id)).toEqual(['phu-an'])
    expect(book.activeOf('water-level:phu-an')).toEqual([])
  })

  test('only unacknowledged, unsilenced critical alerts waiting long enough are due for escalation', () => {
    const book = createAlertBook({
      entries: [
        { alert: alert('due'), criticalSince: T0 },
        { alert: alert('recent'), criticalSince: T0 + 5 * MIN },
        { alert: alert('acked', { ack: { by: 'lan', at: T0, note: '' } }), criticalSince: T0 },
        { alert: alert('silenced', { silenced: true }), criticalSince: T0 },
        { alert: alert('escalated', { escalatedAt: T0 + MIN }), criticalSince: T0 },
        { alert: alert('eased', { severity: 'major' }), criticalSince: null },
      ],
      silences: [],
    })
    expect(book.dueForEscalation(T0 + MIN).map((e) => e.alert.id)).toEqual(['due'])
  })

  test('an alert another instance stored is taken unless the book holds a newer version', () => {
    const book = createAlertBook({
      entries: [{ alert: alert('phu-an', { updatedAt: T0 + 2 * MIN, value: 1.7 }), criticalSince: T0 }],
      silences: [],
    })
    book.adopt(alert('phu-an', { updatedAt: T0 + MIN, value: 1.65 }))
    expect(book.get('phu-an')?.alert.value).toBe(1.7)
    book.adopt(alert('phu-an', { updatedAt: T0 + 3 * MIN, ack: { by: 'minh', at: T0 + 3 * MIN, note: '' } }))
    expect(book.get('phu-an')).toMatchObject({ alert: { ack: { by: 'minh' } }, criticalSince: T0 })
  })

  test('a lifted silence no longer covers its subject', () => {
    const s = {
      id: 's1',
      subject: { type: 'station' as const, id: 'phu-an' },
      reason: 'bảo trì',
      createdBy: 'lan',
      createdAt: T0,
      until: T0 + 60 * MIN,
      cancelledAt: null,
    }
    const book = createAlertBook({ entries: [], silences: [s] })
    expect(book.isSilenced(s.subject, T0 + MIN)).toBe(true)
    expect(book.isSilenced({ type: 'segment', id: 'phu-an' }, T0 + MIN)).toBe(false)
    book.applySilence({ ...s, cancelledAt: T0 + 2 * MIN })
    expect(book.isSilenced(s.subject, T0 + 3 * MIN)).toBe(false)
  })
})
