import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { defaultRulesConfig } from '../config/load-rules-config'
import { runRules } from '../engine/rules-engine'
import { atMinute, UNG_VAN_KHIEM, water } from '../testing/observations'

const network = loadNetwork()
const config = defaultRulesConfig()
const streetFlood = (readings: [minute: number, cm: number][]) =>
  runRules(
    network,
    config,
    readings.map(([minute, cm]) => water(UNG_VAN_KHIEM, minute, cm)),
  ).filter((e) => e.kind === 'street-flood')

describe('street flooding at Ung Văn Khiêm (10 / 30 / 50 cm)', () => {
  test('rain filling the street raises minor, then major, then critical on one key', () => {
    const events = streetFlood([
      [0, 4],
      [5, 12],
      [10, 35],
      [15, 55],
    ])
    expect(events.map((e) => [e.type, e.key, e.severity, e.threshold, e.at])).toEqual([
      ['raised', 'street-flood:fs-002', 'minor', 10, atMinute(5)],
      ['severity-changed', 'street-flood:fs-002', 'major', 30, atMinute(10)],
      ['severity-changed', 'street-flood:fs-002', 'critical', 50, atMinute(15)],
    ])
    expect(events.map((e) => e.message.vi)).toEqual([
      'Ung Văn Khiêm ngập 12 cm, đi được nhưng cần thận trọng (ngưỡng 10 cm)',
      'Ung Văn Khiêm ngập 35 cm, nguy hiểm cho xe máy (ngưỡng 30 cm)',
      'Ung Văn Khiêm ngập 55 cm, không thể lưu thông (ngưỡng 50 cm)',
    ])
    expect(events[2]?.message.en).toBe('Ung Văn Khiêm flooded 55 cm, impassable (threshold 50 cm)')
  })

  test('draining water steps down and clears only after 30 min under 8 cm', () => {
    const events = streetFlood([
      [0, 32],
      [10, 25],
      [40, 20],
      [45, 9],
      [60, 7],
      [80, 5],
      [90, 3],
    ])
    expect(events.map((e) => [e.type, e.severity, e.threshold, e.at])).toEqual([
      ['raised', 'major', 30, atMinute(0)],
      ['severity-changed', 'minor', 28, atMinute(40)],
      ['cleared', 'minor', 8, atMinute(90)],
    ])
    expect(events[2]?.message).toEqual({
      vi: 'Ung Văn Khiêm hết ngập: 3 cm (dưới 8 cm suốt 30 phút)',
      en: 'Ung Văn Khiêm no longer flooded: 3 cm (below 8 cm for 30 min)',
    })
  })
})
