import type { Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { defaultRulesConfig, loadRulesConfig } from '../config/load-rules-config'
import { createRulesEngine, runRules } from '../engine/rules-engine'
import { atMinute, BIEN_HOA, PHU_AN, water } from '../testing/observations'

const network = loadNetwork()
const config = defaultRulesConfig()
const phuAn = (...readings: [minute: number, m: number][]): Observation[] =>
  readings.map(([minute, m]) => water(PHU_AN, minute, m))
const waterLevel = (obs: Observation[], c = config) =>
  runRules(network, c, obs).filter((e) => e.kind === 'water-level')

describe('water level at Phú An (báo động 1.40 / 1.50 / 1.60 m)', () => {
  test('a rising tide opens one alert that escalates I → II → III', () => {
    const events = waterLevel(phuAn([0, 1.3], [10, 1.42], [20, 1.52], [30, 1.65]))
    expect(events.map((e) => [e.type, e.severity, e.threshold, e.at])).toEqual([
      ['raised', 'minor', 1.4, atMinute(10)],
      ['severity-changed', 'major', 1.5, atMinute(20)],
      ['severity-changed', 'critical', 1.6, atMinute(30)],
    ])
    expect(new Set(events.map((e) => e.key))).toEqual(new Set(['water-level:phu-an']))
    expect(events[2]?.message).toEqual({
      vi: 'Phú An vượt báo động III: 1,65 m (ngưỡng 1,60 m)',
      en: 'Phú An above alarm level III: 1.65 m (threshold 1.60 m)',
    })
    expect(events[2]).toMatchObject({ subject: { type: 'station', id: PHU_AN }, value: 1.65, unit: 'm' })
  })

  test('a jump straight past III raises critical at once', () => {
    expect(waterLevel(phuAn([0, 1.61])).map((e) => [e.type, e.severity])).toEqual([['raised', 'critical']])
  })

  test('III is let go only after 30 min at least 5 cm below it, then back to II', () => {
    const events = waterLevel(phuAn([0, 1.65], [10, 1.57], [20, 1.54], [30, 1.53], [45, 1.52], [50, 1.54]))
    // 1.57 is inside the margin; from minute 20 every reading is < 1.55, so II at minute 50.
    expect(events.map((e) => [e.type, e.severity, e.threshold, e.at])).toEqual([
      ['raised', 'critical', 1.6, atMinute(0)],
      ['severity-changed', 'major', 1.55, atMinute(50)],
    ])
    expect(events[1]?.message).toEqual({
      vi: 'Phú An giảm về báo động II: 1,54 m (dưới 1,55 m suốt 30 phút)',
      en: 'Phú An down to alarm level II: 1.54 m (below 1.55 m for 30 min)',
    })
  })

  test('a reading back inside the margin restarts the 30 min', () => {
    const events = waterLevel(phuAn([0, 1.45], [10, 1.3], [30, 1.36], [40, 1.3], [65, 1.3], [70, 1.3]))
    expect(events.map((e) => [e.type, e.at])).toEqual([
      ['raised', atMinute(0)],
      ['cleared', atMinute(70)],
    ])
    expect(events[1]).toMatchObject({ severity: 'minor', threshold: 1.35, value: 1.3 })
    expect(events[1]?.message).toEqual({
      vi: 'Phú An đã xuống dưới báo động I: 1,30 m (dưới 1,35 m suốt 30 phút)',
      en: 'Phú An back below alarm level I: 1.30 m (below 1.35 m for 30 min)',
    })
  })

  test('a tide ripple around báo động I raises once and never clears', () => {
    const ripple = Array.from({ length: 48 }, (_, i): [number, number] => [i * 5, i % 2 ? 1.37 : 1.41])
    expect(waterLevel(phuAn(...ripple)).map((e) => e.type)).toEqual(['raised'])
  })

  test('a fall from III clears straight away only when it stayed below I − 5 cm for 30 min', () => {
    const events = waterLevel(phuAn([0, 1.62], [10, 1.2], [40, 1.2]))
    expect(events.map((e) => [e.type, e.severity, e.threshold, e.at])).toEqual([
      ['raised', 'critical', 1.6, atMinute(0)],
      ['cleared', 'critical', 1.35, atMinute(40)],
    ])
  })

  test('Biên Hòa, with only báo động I (1.80 m), raises minor and goes no higher', () => {
    const events = runRules(network, config, [water(BIEN_HOA, 0, 1.85), water(BIEN_HOA, 10, 2.4)])
    expect(events.filter((e) => e.kind === 'water-level').map((e) => [e.type, e.severity])).toEqual([
      ['raised', 'minor'],
    ])
  })

  test('a what-if báo động II of 1.45 m makes 1.47 m major', () => {
    const loaded = loadRulesConfig(
      { ...config, stations: { [PHU_AN]: { alarmLevelsM: { II: 1.45 } } } },
      network,
    )
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error))
    expect(waterLevel(phuAn([0, 1.47]), loaded.value).map((e) => [e.severity, e.threshold])).toEqual([
      ['major', 1.45],
    ])
  })

  test('a reading older than the last one seen is ignored', () => {
    const engine = createRulesEngine(network, config)
    engine.observe(water(PHU_AN, 10, 1.2))
    expect(engine.observe(water(PHU_AN, 5, 1.7))).toEqual([])
    expect(engine.openAlerts()).toEqual([])
  })

  test('a station missing from the network is ignored', () => {
    expect(runRules(network, config, [water('khong-co', 0, 9)])).toEqual([])
  })
})
