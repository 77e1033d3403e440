import type { CitizenReport } from '@ioc/domain'
import { expect, test } from 'vitest'
import { applyCitizenAction } from './apply-citizen-action'
import { freshCitizenReport } from './fresh-citizen-report'

const T = Date.parse('2025-11-06T17:30:00+07:00')
const report: CitizenReport = freshCitizenReport({
  code: '7K3M-9QAB',
  category: 'flood',
  depthCm: 50,
  depthLevel: 'knee',
  location: [106.733112, 10.739245],
  district: 'Quận 7',
  description: '',
  hasPhoto: false,
  via: null,
  createdAt: T,
})
const next = (r: ReturnType<typeof applyCitizenAction>) => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

test('verify, answer twice and resolve: the first answer time stays, the latest text shows', () => {
  const verified = next(applyCitizenAction(report, { kind: 'verify' }, 'vanhanh', T + 60_000, 'fs-040'))
  expect(verified).toMatchObject({
    status: 'verified',
    verifiedBy: 'vanhanh',
    verifiedAt: T + 60_000,
    stationId: 'fs-040',
  })
  const a1 = next(
    applyCitizenAction(verified, { kind: 'answer', text: 'Đã cử đội bơm' }, 'truc.ban', T + 120_000),
  )
  const a2 = next(applyCitizenAction(a1, { kind: 'answer', text: 'Đã hết ngập' }, 'truc.ban', T + 600_000))
  expect(a2).toMatchObject({ answer: 'Đã hết ngập', firstAnsweredAt: T + 120_000, updatedAt: T + 600_000 })
  const resolved = next(applyCitizenAction(a2, { kind: 'resolve' }, 'truc.ban', T + 700_000))
  expect(resolved).toMatchObject({ status: 'resolved', closedAt: T + 700_000, closedBy: 'truc.ban' })
})

test('a closed or merged report refuses what no longer applies, saying why', () => {
  const rejected = next(applyCitizenAction(report, { kind: 'reject', reason: 'Ảnh cũ' }, 'vanhanh', T + 1))
  expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'Ảnh cũ' })
  expect(applyCitizenAction(rejected, { kind: 'verify' }, 'vanhanh', T + 2)).toEqual({
    ok: false,
    error: { code: 'conflict', message: 'cannot verify report 7K3M-9QAB: it is rejected' },
  })
  // The sender of a rejected report may still be told why.
  expect(
    applyCitizenAction(rejected, { kind: 'answer', text: 'Ảnh chụp từ năm ngoái' }, 'truc.ban', T + 3).ok,
  ).toBe(true)
  const merged = next(applyCitizenAction(report, { kind: 'merge', into: 'AAAA-0001' }, 'vanhanh', T + 1))
  const answered = applyCitizenAction(merged, { kind: 'answer', text: 'x' }, 'truc.ban', T + 2)
  expect(!answered.ok && answered.error.message).toMatch(/merged into AAAA-0001/)
  expect(applyCitizenAction(report, { kind: 'merge', into: report.code }, 'vanhanh', T).ok).toBe(false)
})
