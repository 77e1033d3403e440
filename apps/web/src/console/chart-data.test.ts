// @vitest-environment node
import type { History } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { realNetworkIndex } from '../state/test-network'
import { chartData, historyRange } from './chart-data'
import { at, huynhTanPhatCongestion, huynhTanPhatFlood, phuAnCritical } from './test-alerts'

const index = realNetworkIndex()
const history = (values: number[]): History => ({
  type: 'water',
  subjectId: 'x',
  from: at('16:00'),
  to: at('17:30'),
  bucketMs: null,
  points: values.map((value, i) => ({
    observedAt: at('16:00') + i * 600_000,
    value,
    min: value,
    max: value,
    count: 1,
  })),
})

describe('chartData', () => {
  test('a gauge is drawn against its báo động I/II/III levels', () => {
    const d = chartData(index, phuAnCritical(), history([1.38, 1.52, 1.62]))
    expect(d?.unit).toBe('m')
    expect(d?.xs).toEqual([at('16:00') / 1000, at('16:10') / 1000, at('16:20') / 1000])
    expect(d?.lines.map((l) => [l.labelValues?.level, l.values[0]])).toEqual([
      [undefined, 1.38],
      ['I', 1.4],
      ['II', 1.5],
      ['III', 1.6],
    ])
  })

  test('a street flood sensor against its depth levels, a segment against free flow and its threshold', () => {
    expect(chartData(index, huynhTanPhatFlood(), history([0, 34]))?.lines.map((l) => l.values[1])).toEqual([
      34, 10, 30, 50,
    ])
    const seg = chartData(index, huynhTanPhatCongestion(), history([30, 11]))
    expect(seg?.lines.map((l) => [l.labelKey, l.values[1]])).toEqual([
      ['chart.speed', 11],
      ['chart.freeFlow', 35],
      ['chart.threshold', 14],
    ])
  })

  test('asks for the hour before the alert and the hours up to the data clock', () => {
    const range = historyRange(phuAnCritical(), at('17:30'))
    expect(range).toMatchObject({ from: at('11:30'), to: at('17:30') + 1 })
  })
})
