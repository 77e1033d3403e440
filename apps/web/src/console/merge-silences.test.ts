import type { Silence } from '@ioc/domain'
import { expect, test } from 'vitest'
import { mergeSilences } from './merge-silences'
import { at } from './test-alerts'

const silence = (id: string, patch: Partial<Silence> = {}): Silence => ({
  id,
  subject: { type: 'station', id: 'fs-001' },
  reason: 'Bảo trì cảm biến',
  createdBy: 'trucban2',
  createdAt: at('17:00'),
  until: at('19:00'),
  cancelledAt: null,
  ...patch,
})

test("another officer's new silence joins the list, and a lift marks the listed one lifted", () => {
  const changes = new Map([
    ['s-2', silence('s-2', { subject: { type: 'station', id: 'phu-an' } })],
    ['s-1', silence('s-1', { cancelledAt: at('17:30') })],
  ])
  const merged = mergeSilences([silence('s-1')], changes)
  expect(merged.map((s) => [s.id, s.cancelledAt])).toEqual([
    ['s-1', at('17:30')],
    ['s-2', null],
  ])
})

test('a list loaded after a lift was heard cannot bring the silence back, nor a late change undo a lift', () => {
  const lifted = silence('s-1', { cancelledAt: at('17:30') })
  expect(mergeSilences([silence('s-1')], new Map([['s-1', lifted]]))[0]?.cancelledAt).toBe(at('17:30'))
  expect(mergeSilences([lifted], new Map([['s-1', silence('s-1')]]))[0]?.cancelledAt).toBe(at('17:30'))
})
