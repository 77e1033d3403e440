import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { defaultRulesConfig } from '../config/load-rules-config'
import { runRules } from '../engine/rules-engine'
import { atMinute, NGUYEN_HUU_CANH, traffic } from '../testing/observations'

const network = loadNetwork()
const config = defaultRulesConfig()
/** One reading a minute from minute 0, speeds in km/h. */
const congestion = (speeds: number[]) =>
  runRules(
    network,
    config,
    speeds.map((kph, minute) => traffic(NGUYEN_HUU_CANH, minute, kph)),
  )
const repeat = (kph: number, minutes: number) => Array<number>(minutes).fill(kph)

describe('congestion on Nguyễn Hữu Cảnh (free flow 35 km/h: < 14 warns, < 7 major, > 21 clears)', () => {
  test('raises after 10 min below 40%, at the reading that completes the pending period', () => {
    const events = congestion([30, ...repeat(12, 11)])
    expect(events.map((e) => [e.type, e.key, e.severity, e.value, e.threshold, e.at])).toEqual([
      ['raised', `congestion:${NGUYEN_HUU_CANH}`, 'warning', 12, 14, atMinute(11)],
    ])
    expect(events[0]?.message).toEqual({
      vi: 'Nguyễn Hữu Cảnh (Quận Bình Thạnh) ùn tắc: 12 km/h, dưới 40% tốc độ thông thoáng 35 km/h suốt 10 phút (ngưỡng 14 km/h)',
      en: 'Nguyễn Hữu Cảnh (Quận Bình Thạnh) congested: 12 km/h, below 40% of free-flow 35 km/h for 10 min (threshold 14 km/h)',
    })
  })

  test('one free-flowing reading inside the pending period starts it again', () => {
    expect(congestion([...repeat(12, 9), 18, ...repeat(12, 10)])).toEqual([])
  })

  test('below 20% for 10 min makes it major; above 40% for 5 min brings it back to warning', () => {
    const events = congestion([...repeat(12, 11), ...repeat(5, 11), ...repeat(18, 6)])
    expect(events.map((e) => [e.type, e.severity, e.threshold, e.at])).toEqual([
      ['raised', 'warning', 14, atMinute(10)],
      ['severity-changed', 'major', 7, atMinute(21)],
      ['severity-changed', 'warning', 14, atMinute(27)],
    ])
    expect(events[1]?.message.vi).toContain('ùn tắc nghiêm trọng: 5 km/h, dưới 20%')
    expect(events[2]?.message.en).toBe(
      'Nguyễn Hữu Cảnh (Quận Bình Thạnh) congestion easing: 18 km/h, above 40% of free flow for 5 min (threshold 14 km/h)',
    )
  })

  test('clears after 5 min above 60%, straight from major', () => {
    const events = congestion([...repeat(5, 11), ...repeat(25, 6)])
    expect(events.map((e) => [e.type, e.severity, e.threshold, e.at])).toEqual([
      ['raised', 'major', 7, atMinute(10)],
      ['cleared', 'major', 21, atMinute(16)],
    ])
  })

  test('speeds between 40% and 60% keep it open', () => {
    const events = congestion([...repeat(12, 11), ...repeat(18, 60)])
    expect(events.map((e) => e.type)).toEqual(['raised'])
  })
})
