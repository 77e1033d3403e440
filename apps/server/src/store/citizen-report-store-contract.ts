import { freshCitizenReport } from '@ioc/citizen'
import type { CitizenReport } from '@ioc/domain'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CitizenReportStore } from './citizen-report-store'

const T = Date.parse('2025-11-06T17:30:00+07:00')
const report = (code: string, over: Partial<CitizenReport> = {}): CitizenReport => ({
  ...freshCitizenReport({
    code,
    category: 'flood',
    depthCm: 50,
    depthLevel: 'knee',
    location: [106.733112, 10.739245],
    district: 'Quận 7',
    description: 'Ngập tới gối trên Huỳnh Tấn Phát',
    hasPhoto: false,
    via: null,
    createdAt: T,
  }),
  ...over,
})

/** The behaviour every CitizenReportStore shows (run it from each implementation's tests). */
export function runCitizenReportStoreContract(
  name: string,
  factory: () => Promise<{
    store: CitizenReportStore
    reopen(): Promise<CitizenReportStore>
    close(): Promise<void>
  }>,
): void {
  describe(`${name}: citizen report store contract`, () => {
    let h: Awaited<ReturnType<typeof factory>>
    beforeEach(async () => {
      h = await factory()
    })
    afterEach(() => h.close())

    test('a report and its photo read back as written, after a reopen too', async () => {
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
      expect(
        await h.store.createCitizenReport(report('AAAA-0001', { hasPhoto: true }), {
          jpeg,
          width: 4,
          height: 3,
        }),
      ).toBe(true)
      const store = await h.reopen()
      expect(await store.getCitizenReport('AAAA-0001')).toEqual(report('AAAA-0001', { hasPhoto: true }))
      const photo = await store.getCitizenReportPhoto('AAAA-0001')
      expect(photo && Buffer.from(photo.jpeg).equals(jpeg)).toBe(true)
      expect(photo).toMatchObject({ width: 4, height: 3 })
      expect(await store.getCitizenReport('ZZZZ-ZZZZ')).toBeNull()
      expect(await store.getCitizenReportPhoto('ZZZZ-ZZZZ')).toBeNull()
    })

    test('a taken code is refused and the first report kept', async () => {
      await h.store.createCitizenReport(report('AAAA-0001'), null)
      expect(await h.store.createCitizenReport(report('AAAA-0001', { category: 'jam' }), null)).toBe(false)
      expect((await h.store.getCitizenReport('AAAA-0001'))?.category).toBe('flood')
    })

    test('lists newest first, by status and period', async () => {
      await h.store.createCitizenReport(report('AAAA-0001', { createdAt: T - 2000 }), null)
      await h.store.createCitizenReport(report('AAAA-0002', { createdAt: T, status: 'rejected' }), null)
      await h.store.createCitizenReport(
        report('AAAA-0003', { createdAt: T + 2000, status: 'verified' }),
        null,
      )
      const codes = (rs: CitizenReport[]) => rs.map((r) => r.code)
      expect(codes(await h.store.listCitizenReports({ limit: 10 }))).toEqual([
        'AAAA-0003',
        'AAAA-0002',
        'AAAA-0001',
      ])
      expect(codes(await h.store.listCitizenReports({ statuses: ['new', 'verified'], limit: 10 }))).toEqual([
        'AAAA-0003',
        'AAAA-0001',
      ])
      expect(codes(await h.store.listCitizenReports({ statuses: [], limit: 10 }))).toEqual([])
      expect(
        codes(await h.store.listCitizenReports({ fromMs: T - 1000, toMs: T + 2000, limit: 10 })),
      ).toEqual(['AAAA-0002'])
      expect(await h.store.listCitizenReports({ limit: 1 })).toHaveLength(1)
    })

    test('an update applies the change, a refused change writes nothing, and status follows', async () => {
      await h.store.createCitizenReport(report('AAAA-0001'), null)
      const done = await h.store.updateCitizenReport('AAAA-0001', (r) => ({
        ok: true,
        value: {
          ...r,
          status: 'verified',
          verifiedBy: 'vanhanh',
          verifiedAt: T + 60_000,
          updatedAt: T + 60_000,
        },
      }))
      expect(done).toEqual({
        ok: true,
        value: report('AAAA-0001', {
          status: 'verified',
          verifiedBy: 'vanhanh',
          verifiedAt: T + 60_000,
          updatedAt: T + 60_000,
        }),
      })
      const refused = await h.store.updateCitizenReport('AAAA-0001', () => ({ ok: false, error: 'conflict' }))
      expect(refused).toEqual({ ok: false, error: 'conflict' })
      expect((await h.store.getCitizenReport('AAAA-0001'))?.verifiedBy).toBe('vanhanh')
      expect(await h.store.listCitizenReports({ statuses: ['verified'], limit: 10 })).toHaveLength(1)
      expect(await h.store.updateCitizenReport('ZZZZ-ZZZZ', (r) => ({ ok: true, value: r }))).toEqual({
        ok: false,
        error: 'not_found',
      })
    })
  })
}
