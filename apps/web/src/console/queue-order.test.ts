import { describe, expect, test } from 'vitest'
import { sortQueue } from './queue-order'
import {
  at,
  eveningQueue,
  huynhTanPhatCongestion,
  huynhTanPhatFlood,
  nhaBeCritical,
  phuAnCritical,
} from './test-alerts'

const ids = (alerts: { id: string }[]) => alerts.map((a) => a.id)

describe('sortQueue', () => {
  test('most severe first, the oldest of a severity first', () => {
    const shuffled = [huynhTanPhatCongestion(), phuAnCritical(), huynhTanPhatFlood(), nhaBeCritical()]
    expect(ids(sortQueue(shuffled))).toEqual(ids(eveningQueue()))
  })

  test('an acknowledged critical goes below the unacknowledged ones, however old', () => {
    const acked = nhaBeCritical({ ack: { by: 'trucban1', at: at('16:40'), note: '' } })
    expect(ids(sortQueue([acked, phuAnCritical()]))).toEqual(['al-phu-an-2', 'al-nha-be-2'])
  })
})
