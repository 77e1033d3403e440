import { describe, expect, test } from 'vitest'
import { createI18n } from '../i18n/i18n'
import { explainIncident, partOfDay } from './incident-explanation'
import { at } from './test-alerts'
import { eveningIncidents } from './test-incidents'

const byRule = (rule: string) => {
  const found = eveningIncidents().find((i) => i.grouping.rule === rule)
  if (!found) throw new Error(`no ${rule} incident`)
  return found
}

describe('explainIncident', () => {
  test('a street flood says where, when, what drives it and the roads it blocks, in both languages', () => {
    const flood = byRule('street-flood')
    const en = createI18n('en')
    const vi = createI18n('vi')
    expect(explainIncident(flood, en.t, 'en')).toBe(
      '1 street flood in Quận 7 during the 6 Nov evening tide, driven by Phú An báo động III; congestion on 1 road through it',
    )
    expect(explainIncident(flood, vi.t, 'vi')).toBe(
      '1 điểm ngập ở Quận 7 trong đợt triều cường tối 6/11, do Phú An vượt báo động III; ùn tắc 1 đoạn đường đi qua',
    )
  })

  test('several floods say how far apart they are', () => {
    const flood = byRule('street-flood')
    const second = { ...flood.members[0], alertId: 'x', name: 'Trần Xuân Soạn' } as (typeof flood.members)[0]
    const wider = {
      ...flood,
      members: [...flood.members, second],
      grouping: { ...flood.grouping, spanM: 2721 },
    }
    expect(explainIncident(wider, createI18n('en').t, 'en')).toMatch(
      /^2 street floods in Quận 7 within 2.8 km during the 6 Nov evening tide/,
    )
    expect(explainIncident(wider, createI18n('vi').t, 'vi')).toMatch(/trong phạm vi 2,8 km/)
  })

  test('the gauges of the tide name the highest', () => {
    expect(explainIncident(byRule('gauge'), createI18n('en').t, 'en')).toBe(
      '2 gauges past báo động during the 6 Nov afternoon tide: Nhà Bè, Phú An; highest Nhà Bè báo động III',
    )
  })

  test('the part of the day is read in HCMC time', () => {
    expect([at('04:59'), at('05:00'), at('17:05'), at('21:30')].map(partOfDay)).toEqual([
      'night',
      'morning',
      'evening',
      'lateEvening',
    ])
  })
})

describe('one gauge or one segment reads as such in both languages', () => {
  const gauges = () => {
    const g = eveningIncidents().find((i) => i.grouping.rule === 'gauge')
    if (!g) throw new Error('no gauge incident')
    return { ...g, members: g.members.filter((m) => m.subject.id === 'phu-an') }
  }
  test('one gauge', () => {
    expect(explainIncident(gauges(), createI18n('vi').t, 'vi')).toBe(
      'Phú An vượt báo động III trong đợt triều cường chiều 6/11',
    )
    expect(explainIncident(gauges(), createI18n('en').t, 'en')).toBe(
      'Phú An past báo động III during the 6 Nov afternoon tide',
    )
  })
})
