import { localHour } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { at, huynhTanPhatCongestion, nhaBeCritical, phuAnCritical } from '../console/test-alerts'
import { fractionAt, layoutAlertMarkers, layoutBookmarks, timeAtFraction, timeTicks } from './marker-layout'

const range = { from: at('15:00'), to: at('20:00') }
const incident = (id: string, from: number, to: number) => ({
  id,
  title: id,
  notes: '',
  from,
  to,
  createdBy: 'phantich1',
  createdAt: 0,
  updatedAt: 0,
})

describe('timeline marker layout', () => {
  test('positions and times convert both ways, clamped to the range', () => {
    expect(fractionAt(at('17:30'), range)).toBe(0.5)
    expect(fractionAt(at('12:00'), range)).toBe(0)
    expect(timeAtFraction(0.5, range)).toBe(at('17:30'))
    expect(timeAtFraction(1.2, range)).toBe(at('20:00') - 1)
  })

  test('each source keeps its lane; close markers stack, far ones share the first row', () => {
    const laid = layoutAlertMarkers(
      [
        { alert: phuAnCritical(), source: 'recorded' },
        { alert: nhaBeCritical({ raisedAt: at('16:36') }), source: 'recorded' },
        { alert: huynhTanPhatCongestion({ raisedAt: at('19:00') }), source: 'recorded' },
        { alert: phuAnCritical({ id: 'replayed:1', raisedAt: at('16:35') }), source: 'replayed' },
      ],
      range,
      0.01,
    )
    const rowOf = (id: string) => laid.find((m) => m.alert.id === id)?.row
    expect(rowOf('al-phu-an-2')).toBe(0)
    expect(rowOf('al-nha-be-2')).toBe(1)
    expect(rowOf(huynhTanPhatCongestion().id)).toBe(0)
    // Same time as the recorded Phú An, but in the other lane: not pushed up.
    expect(laid.find((m) => m.source === 'replayed')).toMatchObject({
      row: 0,
      x: fractionAt(at('16:35'), range),
    })
  })

  test('rows stop at the limit, and alerts raised after the range are left out', () => {
    const crowd = [0, 1, 2, 3, 4].map((k) => ({
      alert: phuAnCritical({ id: `a${k}`, raisedAt: at('16:00') + k * 1000 }),
      source: 'recorded' as const,
    }))
    const late = { alert: phuAnCritical({ id: 'late', raisedAt: at('21:00') }), source: 'recorded' as const }
    const laid = layoutAlertMarkers([...crowd, late], range, 0.01, 3)
    expect(laid.map((m) => m.row)).toEqual([0, 1, 2, 2, 2])
  })

  test('an alert raised before the range sits at its start', () => {
    const [m] = layoutAlertMarkers(
      [{ alert: phuAnCritical({ raisedAt: at('14:00') }), source: 'recorded' }],
      range,
      0.01,
    )
    expect(m?.x).toBe(0)
  })

  test('bookmarks are the overlapping incidents, clipped', () => {
    const laid = layoutBookmarks(
      [
        incident('late', at('19:00'), at('22:00')),
        incident('before', at('10:00'), at('12:00')),
        incident('in', at('16:00'), at('17:00')),
      ],
      range,
    )
    expect(laid.map((b) => [b.incident.id, b.start, b.end])).toEqual([
      ['in', 0.2, 0.4],
      ['late', 0.8, 1],
    ])
  })

  test('ticks fall on round HCMC hours', () => {
    expect(timeTicks(range, 10)).toEqual([
      at('15:00'),
      at('15:30'),
      at('16:00'),
      at('16:30'),
      at('17:00'),
      at('17:30'),
      at('18:00'),
      at('18:30'),
      at('19:00'),
      at('19:30'),
    ])
    const day = { from: Date.parse('2025-11-06T00:00:00+07:00'), to: Date.parse('2025-11-07T00:00:00+07:00') }
    expect(timeTicks(day, 10).map(localHour)).toEqual([0, 3, 6, 9, 12, 15, 18, 21])
  })
})
