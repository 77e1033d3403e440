import type { CitizenReport } from '@ioc/domain'
import { expect, test } from 'vitest'
import { freshCitizenReport } from './fresh-citizen-report'
import { toPublicCitizenReport } from './public-view'

const T = Date.parse('2025-11-06T17:30:00+07:00')
const report = (over: Partial<CitizenReport> = {}): CitizenReport => ({
  ...freshCitizenReport({
    code: '7K3M-9QAB',
    category: 'flood',
    depthCm: 50,
    depthLevel: 'knee',
    location: [106.733112, 10.739245],
    district: 'Quận 7',
    description: 'Nước ngập tới gối trước nhà số 12, số điện thoại 0903 123 456',
    hasPhoto: true,
    via: null,
    createdAt: T,
  }),
  ...over,
})

test('the public view shows category, status, answer and a place rounded to ~1 km, nothing personal', () => {
  const view = toPublicCitizenReport(report({ answer: 'Đã cử đội bơm', answeredBy: 'truc.ban' }))
  expect(view).toEqual({
    code: '7K3M-9QAB',
    category: 'flood',
    status: 'new',
    open311Status: 'open',
    answer: 'Đã cử đội bơm',
    district: 'Quận 7',
    coarseLocation: [106.73, 10.74],
    createdAt: T,
    updatedAt: T,
    mergedInto: null,
  })
  expect(JSON.stringify(view)).not.toMatch(/0903|truc\.ban|gối|106\.733/)
})

test('a merged report shows the outcome of the report it was merged into', () => {
  const primary = report({ code: 'AAAA-0001', status: 'resolved', answer: 'Đã hết ngập', updatedAt: T + 9 })
  const view = toPublicCitizenReport(
    report({ status: 'merged', mergedInto: 'AAAA-0001', updatedAt: T + 5 }),
    primary,
  )
  expect(view).toMatchObject({
    code: '7K3M-9QAB',
    status: 'resolved',
    open311Status: 'closed',
    answer: 'Đã hết ngập',
    mergedInto: 'AAAA-0001',
    updatedAt: T + 9,
  })
})
