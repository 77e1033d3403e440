import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { defaultRulesConfig } from '../config/load-rules-config'
import { runRules } from '../engine/rules-engine'
import { atMinute, PHU_AN, water } from '../testing/observations'

const network = loadNetwork()
const config = defaultRulesConfig()
const rateOfRise = (readings: [minute: number, m: number][]) =>
  runRules(
    network,
    config,
    readings.map(([minute, m]): Observation => water(PHU_AN, minute, m)),
  ).filter((e) => e.kind === 'rate-of-rise')

describe('rate of rise at Phú An (more than 0.10 m in 15 min)', () => {
  test('4 cm every 5 min raises a warning once the 15 min rise passes 10 cm', () => {
    const events = rateOfRise([
      [0, 1.0],
      [5, 1.04],
      [10, 1.08],
      [15, 1.12],
      [20, 1.16],
    ])
    expect(events.map((e) => [e.type, e.severity, e.value, e.threshold, e.at])).toEqual([
      ['raised', 'warning', 0.12, 0.1, atMinute(15)],
    ])
    expect(events[0]?.message).toEqual({
      vi: 'Phú An nước lên nhanh: tăng 0,12 m trong 15 phút (ngưỡng 0,10 m)',
      en: 'Phú An rising fast: up 0.12 m in 15 min (threshold 0.10 m)',
    })
  })

  test('exactly 10 cm in 15 min is not more than 10 cm', () => {
    expect(
      rateOfRise([
        [0, 1.0],
        [15, 1.1],
      ]),
    ).toEqual([])
  })

  test('a rise older than the window does not count', () => {
    expect(
      rateOfRise([
        [0, 1.0],
        [16, 1.2],
      ]),
    ).toEqual([])
  })

  test('clears once the rise has stayed at or under 10 cm for 15 min', () => {
    const events = rateOfRise([
      [0, 1.0],
      [10, 1.15],
      [20, 1.18],
      [30, 1.2],
      [35, 1.21],
    ])
    // The rise falls to 0.03 at minute 20 (lowest reading since minute 5 is 1.15); 15 min later it clears.
    expect(events.map((e) => [e.type, e.at])).toEqual([
      ['raised', atMinute(10)],
      ['cleared', atMinute(35)],
    ])
    expect(events[1]?.message.en).toBe('Phú An no longer rising fast: up 0.03 m in 15 min (threshold 0.10 m)')
  })
})
