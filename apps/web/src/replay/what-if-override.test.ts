import { describe, expect, test } from 'vitest'
import { changedCount, NO_WHAT_IF, parseDecimal, rulesOverrideOf } from './what-if-override'

describe('what-if rules override', () => {
  test('no change means no override: the replay runs the current rules', () => {
    expect(rulesOverrideOf(NO_WHAT_IF)).toBeUndefined()
    expect(rulesOverrideOf({ gauges: { 'phu-an': {} }, congestion: {} })).toBeUndefined()
    expect(changedCount(NO_WHAT_IF)).toBe(0)
  })

  test('báo động II at Phú An lowered to 1.45 m and a stricter congestion warning', () => {
    const w = { gauges: { 'phu-an': { II: 1.45 }, 'nha-be': {} }, congestion: { warningBelowRatio: 0.5 } }
    expect(rulesOverrideOf(w)).toEqual({
      stations: { 'phu-an': { alarmLevelsM: { II: 1.45 } } },
      congestion: { warningBelowRatio: 0.5 },
    })
    expect(changedCount(w)).toBe(2)
  })

  test('levels are read with a decimal comma or point', () => {
    expect(parseDecimal('1,45')).toBe(1.45)
    expect(parseDecimal(' 1.5 ')).toBe(1.5)
    expect(parseDecimal('')).toBeUndefined()
    expect(parseDecimal('cao')).toBeUndefined()
  })
})
