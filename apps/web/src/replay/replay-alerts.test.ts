import { describe, expect, test } from 'vitest'
import { at, nhaBeCritical, phuAnCritical } from '../console/test-alerts'
import { applyActiveChange, raisedBy, rememberAlerts } from './replay-alerts'

describe('replay alert lists', () => {
  test('an alert leaves the picture when it clears, and is replaced by id while active', () => {
    const raised = phuAnCritical()
    const acked = phuAnCritical({
      ack: { by: 'trucban1', at: at('16:40'), note: '' },
      updatedAt: at('16:40'),
    })
    expect(applyActiveChange([raised, nhaBeCritical()], acked)).toEqual([nhaBeCritical(), acked])
    const cleared = phuAnCritical({ active: false, clearedAt: at('18:10'), updatedAt: at('18:10') })
    expect(applyActiveChange([acked], cleared)).toEqual([])
  })

  test('seen alerts keep their latest version, whatever order seeks deliver them in', () => {
    const later = phuAnCritical({ severity: 'critical', updatedAt: at('17:30') })
    const earlier = phuAnCritical({ severity: 'major', updatedAt: at('16:35') })
    const seen = rememberAlerts(rememberAlerts(new Map(), [later]), [earlier])
    expect([...seen.values()]).toEqual([later])
  })

  test('the lists hold alerts raised by the clock, newest first', () => {
    const list = raisedBy([phuAnCritical(), nhaBeCritical({ raisedAt: at('16:50') })], at('16:45'))
    expect(list.map((a) => a.id)).toEqual(['al-phu-an-2'])
    expect(
      raisedBy([phuAnCritical(), nhaBeCritical({ raisedAt: at('16:50') })], at('18:00')).map((a) => a.id),
    ).toEqual(['al-nha-be-2', 'al-phu-an-2'])
  })
})
