import type { Incident } from '@ioc/domain'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { IncidentStore } from './incident-store'

const T = Date.parse('2025-11-06T15:30:00+07:00')
const incident = (id: string, over: Partial<Incident> = {}): Incident => ({
  id,
  title: 'Triều cường 6/11',
  notes: 'Phú An vượt báo động III lúc 17:05',
  from: T,
  to: T + 5 * 3_600_000,
  createdBy: 'analyst',
  createdAt: T,
  updatedAt: T,
  ...over,
})

/** The behaviour every IncidentStore shows (run it from each implementation's tests). */
export function runIncidentStoreContract(
  name: string,
  factory: () => Promise<{ store: IncidentStore; close(): Promise<void> }>,
): void {
  describe(`${name}: incident store contract`, () => {
    let store: IncidentStore
    let close: () => Promise<void>
    beforeEach(async () => {
      ;({ store, close } = await factory())
    })
    afterEach(() => close())

    test('an incident reads back as written', async () => {
      await store.createIncident(incident('i1'))
      expect(await store.getIncident('i1')).toEqual(incident('i1'))
      expect(await store.getIncident('nope')).toBeNull()
    })

    test('lists newest first, searching title and notes without caring for accents or case', async () => {
      await store.createIncident(incident('old', { createdAt: T - 1000 }))
      await store.createIncident(
        incident('new', { title: 'Kẹt xe Nguyễn Hữu Cảnh', notes: 'rain 95 mm/h', createdAt: T + 1000 }),
      )
      expect((await store.listIncidents({ limit: 10 })).map((i) => i.id)).toEqual(['new', 'old'])
      expect((await store.listIncidents({ q: 'trieu CUONG', limit: 10 })).map((i) => i.id)).toEqual(['old'])
      expect((await store.listIncidents({ q: 'nguyen rain', limit: 10 })).map((i) => i.id)).toEqual(['new'])
      expect((await store.listIncidents({ q: 'phu an', limit: 10 })).map((i) => i.id)).toEqual(['old'])
      expect(await store.listIncidents({ q: 'phu kẹt', limit: 10 })).toEqual([])
      expect(await store.listIncidents({ limit: 1 })).toHaveLength(1)
    })

    test('a search for % or _ matches them literally', async () => {
      await store.createIncident(incident('pct', { notes: 'occupancy 100%' }))
      await store.createIncident(incident('plain'))
      expect((await store.listIncidents({ q: '100%', limit: 10 })).map((i) => i.id)).toEqual(['pct'])
      expect(await store.listIncidents({ q: '_', limit: 10 })).toEqual([])
    })

    test('a patch changes only the fields it names, and search follows it', async () => {
      await store.createIncident(incident('i1'))
      const patched = await store.updateIncident('i1', { title: 'Bùi Viện ngập 50 cm' }, T + 60_000)
      expect(patched).toEqual({ ...incident('i1'), title: 'Bùi Viện ngập 50 cm', updatedAt: T + 60_000 })
      expect(await store.getIncident('i1')).toEqual(patched)
      expect((await store.listIncidents({ q: 'bui vien', limit: 10 })).map((i) => i.id)).toEqual(['i1'])
      expect(await store.updateIncident('nope', { notes: 'x' }, T)).toBeNull()
    })

    test('a deleted incident is gone', async () => {
      await store.createIncident(incident('i1'))
      expect(await store.deleteIncident('i1')).toBe(true)
      expect(await store.getIncident('i1')).toBeNull()
      expect(await store.deleteIncident('i1')).toBe(false)
    })
  })
}
