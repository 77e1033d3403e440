import { describe, expect, test } from 'vitest'
import { newCriticals } from './critical-cue'
import { at, huynhTanPhatFlood, nhaBeCritical, phuAnCritical } from './test-alerts'

describe('newCriticals', () => {
  test('cues each new unacknowledged critical once', () => {
    const first = newCriticals(new Set(), [nhaBeCritical(), huynhTanPhatFlood()])
    expect(first.fresh.map((a) => a.id)).toEqual(['al-nha-be-2'])
    const second = newCriticals(first.seen, [nhaBeCritical(), phuAnCritical()])
    expect(second.fresh.map((a) => a.id)).toEqual(['al-phu-an-2'])
  })

  test('an escalation rings again; acknowledged or silenced alerts never ring', () => {
    const { seen } = newCriticals(new Set(), [phuAnCritical()])
    expect(newCriticals(seen, [phuAnCritical({ escalatedAt: at('17:35') })]).fresh).toHaveLength(1)
    const quiet = [
      nhaBeCritical({ ack: { by: 'trucban1', at: at('16:40'), note: '' } }),
      phuAnCritical({ id: 'other', silenced: true }),
    ]
    expect(newCriticals(new Set(), quiet).fresh).toEqual([])
  })
})
