import type { Alert } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { filterQueue, foldText, NO_FILTER } from './queue-filter'
import { at, eveningQueue, huynhTanPhatFlood } from './test-alerts'

const names: Record<string, string> = {
  'phu-an': 'Phú An',
  'nha-be': 'Nhà Bè',
  'fs-026': 'Huỳnh Tấn Phát',
  'seg-2304475223-2370220877': 'Huỳnh Tấn Phát Quận 7',
}
const nameOf = (a: Alert) => names[a.subject.id] ?? ''
const ids = (alerts: Alert[]) => alerts.map((a) => a.id)

describe('filterQueue', () => {
  test('text matches the subject name without diacritics or case', () => {
    expect(foldText('Đường Huỳnh Tấn Phát')).toBe('duong huynh tan phat')
    expect(ids(filterQueue(eveningQueue(), { ...NO_FILTER, text: 'huynh tan' }, nameOf))).toEqual([
      'al-fs-026-2',
      'al-cong-2304475223',
    ])
    expect(ids(filterQueue(eveningQueue(), { ...NO_FILTER, text: 'Nhà Bè' }, nameOf))).toEqual([
      'al-nha-be-2',
    ])
  })

  test('severity, kind and state narrow together', () => {
    const queue = [
      ...eveningQueue(),
      huynhTanPhatFlood({ id: 'acked', ack: { by: 'trucban1', at: at('17:40'), note: '' } }),
    ]
    expect(ids(filterQueue(queue, { ...NO_FILTER, severity: 'critical' }, nameOf))).toEqual([
      'al-nha-be-2',
      'al-phu-an-2',
    ])
    expect(
      ids(filterQueue(queue, { ...NO_FILTER, kind: 'street-flood', state: 'active-ack' }, nameOf)),
    ).toEqual(['acked'])
    expect(filterQueue(queue, { ...NO_FILTER, kind: 'congestion', severity: 'critical' }, nameOf)).toEqual([])
  })
})
