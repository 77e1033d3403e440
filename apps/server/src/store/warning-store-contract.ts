import type { PublicWarning } from '@ioc/domain'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { WarningStore } from './warning-store'

const T = Date.parse('2025-11-06T16:45:00+07:00')
const warning = (id: string, over: Partial<PublicWarning> = {}): PublicWarning => ({
  id,
  alertId: 'alert-phu-an',
  kind: 'water-level',
  phase: 'warning',
  alertSeverity: 'major',
  state: 'pending',
  createdAt: T,
  publishedAt: null,
  decision: null,
  message: {
    identifier: id,
    sender: 'ioc.tphcm',
    sent: null,
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    references: [],
    incidents: 'alert-phu-an',
    info: [
      {
        language: 'vi-VN',
        category: ['Met'],
        event: 'Mực nước cao',
        responseType: ['Monitor'],
        urgency: 'Immediate',
        severity: 'Moderate',
        certainty: 'Observed',
        senderName: 'IOC TP.HCM',
        headline: 'Phú An vượt báo động II',
        description: 'Phú An vượt báo động II: 1,52 m',
        instruction: 'Theo dõi các bản tin tiếp theo.',
        area: [{ areaDesc: 'Phú An', polygons: [], circles: [{ center: [106.7116, 10.7722], radiusKm: 3 }] }],
      },
    ],
  },
  ...over,
})
const published = (w: PublicWarning, at: number): PublicWarning => ({
  ...w,
  state: 'published',
  publishedAt: at,
  decision: { by: 'lan', at, note: '' },
  message: { ...w.message, sent: '2025-11-06T16:50:00+07:00' },
})

/** The behaviour every WarningStore shows (run it from each implementation's tests). */
export function runWarningStoreContract(
  name: string,
  factory: () => Promise<{ store: WarningStore; close(): Promise<void> }>,
): void {
  describe(`${name}: warning store contract`, () => {
    let store: WarningStore
    let close: () => Promise<void>
    beforeEach(async () => {
      ;({ store, close } = await factory())
    })
    afterEach(() => close())

    test('a warning reads back as written, every field of its CAP message included', async () => {
      expect(await store.addWarnings([warning('w1')], [])).toBe(true)
      expect(await store.getWarning('w1')).toEqual(warning('w1'))
      expect(await store.getWarning('nope')).toBeNull()
    })

    test('a new draft supersedes the pending one in the same transaction', async () => {
      await store.addWarnings([warning('w1')], [])
      expect(await store.addWarnings([warning('w2', { createdAt: T + 1 })], ['w1'])).toBe(true)
      expect((await store.getWarning('w1'))?.state).toBe('superseded')
      expect((await store.listWarnings({ state: 'pending', limit: 10 })).map((w) => w.id)).toEqual(['w2'])
    })

    test('a draft cannot supersede one decided meanwhile: nothing is written', async () => {
      await store.addWarnings([warning('w1')], [])
      expect(await store.decideWarning(published(warning('w1'), T + 5))).toBe(true)
      expect(await store.addWarnings([warning('w2')], ['w1'])).toBe(false)
      expect(await store.getWarning('w2')).toBeNull()
      expect((await store.getWarning('w1'))?.state).toBe('published')
    })

    test('an alert has at most one pending draft: a second one added beside it is refused', async () => {
      await store.addWarnings([warning('w1')], [])
      expect(await store.addWarnings([warning('w2')], [])).toBe(false)
      expect(await store.getWarning('w2')).toBeNull()
      expect(await store.addWarnings([warning('w3', { alertId: 'alert-nha-be' })], [])).toBe(true)
    })

    test('only a pending warning can be decided, once', async () => {
      await store.addWarnings([warning('w1')], [])
      const rejected: PublicWarning = {
        ...warning('w1'),
        state: 'rejected',
        decision: { by: 'lan', at: T, note: 'sai' },
      }
      expect(await store.decideWarning(rejected)).toBe(true)
      expect(await store.decideWarning(published(warning('w1'), T + 5))).toBe(false)
      expect(await store.getWarning('w1')).toEqual(rejected)
      expect(await store.decideWarning(published(warning('unknown'), T))).toBe(false)
    })

    test('lists newest first, by publication then drafting, per state and per alert', async () => {
      // One pending draft per alert: the older one is decided before the newer is drafted.
      await store.addWarnings([warning('old', { createdAt: T })], [])
      await store.decideWarning(published(warning('old'), T + 10))
      await store.addWarnings(
        [
          warning('new', { createdAt: T + 2 }),
          warning('other', { createdAt: T + 3, alertId: 'alert-nha-be' }),
        ],
        [],
      )
      expect((await store.listWarnings({ limit: 10 })).map((w) => w.id)).toEqual(['old', 'other', 'new'])
      expect((await store.listWarnings({ state: 'published', limit: 10 })).map((w) => w.id)).toEqual(['old'])
      expect((await store.listWarnings({ alertId: 'alert-phu-an', limit: 10 })).map((w) => w.id)).toEqual([
        'old',
        'new',
      ])
      expect(await store.listWarnings({ limit: 1 })).toHaveLength(1)
    })
  })
}
