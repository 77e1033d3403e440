import { describe, expect, test } from 'vitest'
import { NO_OPTIMISM, optimisticAlerts, reduceOptimistic } from './optimistic-queue'
import { at, nhaBeCritical, phuAnCritical } from './test-alerts'

const ack = { type: 'acknowledge', note: 'đã báo đội ứng cứu' } as const
const sent = reduceOptimistic(NO_OPTIMISM, {
  type: 'sent',
  pending: { id: 1, alertId: 'al-phu-an-2', action: ack, by: 'trucban1', at: at('17:10') },
})

describe('optimistic alerts', () => {
  test('an acknowledgement shows at once, before the server answers', () => {
    const [phuAn] = optimisticAlerts([phuAnCritical()], sent)
    expect(phuAn?.ack).toEqual({ by: 'trucban1', at: at('17:10'), note: 'đã báo đội ứng cứu' })
  })

  test('a refusal rolls back to what the server said', () => {
    const refused = reduceOptimistic(sent, { type: 'refused', pendingId: 1 })
    expect(optimisticAlerts([phuAnCritical()], refused)).toEqual([phuAnCritical()])
  })

  test('a guess the lifecycle would refuse is never shown: someone else acknowledged first', () => {
    const ackedByOther = phuAnCritical({
      ack: { by: 'trucban2', at: at('17:09'), note: '' },
      updatedAt: at('17:09'),
    })
    expect(optimisticAlerts([ackedByOther], sent)[0]?.ack?.by).toBe('trucban2')
  })

  test("the server's reply counts until the feed has something newer", () => {
    const reply = phuAnCritical({
      ack: { by: 'trucban1', at: at('17:11'), note: '' },
      updatedAt: at('17:11'),
    })
    const confirmed = reduceOptimistic(sent, { type: 'confirmed', pendingId: 1, alert: reply })
    expect(confirmed.pending).toEqual([])
    expect(optimisticAlerts([phuAnCritical()], confirmed)[0]).toEqual(reply)
    const cleared = { ...reply, active: false, clearedAt: at('19:00'), updatedAt: at('19:00') }
    expect(optimisticAlerts([cleared], confirmed)[0]).toEqual(cleared)
  })

  test('a resolution takes the alert out of the queue; alerts the feed no longer has are gone', () => {
    const resolving = reduceOptimistic(NO_OPTIMISM, {
      type: 'sent',
      pending: {
        id: 2,
        alertId: 'al-nha-be-2',
        action: { type: 'resolve', note: 'đo lại, cảm biến sai', force: true },
        by: 'trucban1',
        at: at('17:15'),
      },
    })
    expect(optimisticAlerts([nhaBeCritical(), phuAnCritical()], resolving).map((a) => a.id)).toEqual([
      'al-phu-an-2',
    ])
    expect(optimisticAlerts([], { ...sent, replies: { 'al-phu-an-2': phuAnCritical() } })).toEqual([])
  })
})
