import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { defaultRulesConfig } from '../config/load-rules-config'
import { applyRulesOverride } from './apply-rules-override'

const network = loadNetwork()

describe('a what-if rules override', () => {
  test('changes only what it names', () => {
    const base = defaultRulesConfig()
    const r = applyRulesOverride(base, { stations: { 'phu-an': { alarmLevelsM: { II: 1.45 } } } }, network)
    expect(r.ok && r.value.stations['phu-an']?.alarmLevelsM).toEqual({ II: 1.45 })
    expect(r.ok && r.value.waterLevel).toEqual(base.waterLevel)
  })

  test('a nested value merges into its rule, keeping the rule’s other values', () => {
    const base = defaultRulesConfig()
    const r = applyRulesOverride(base, { congestion: { warningBelowRatio: 0.3 } }, network)
    expect(r.ok && r.value.congestion).toEqual({ ...base.congestion, warningBelowRatio: 0.3 })
  })

  test('no override runs the base rules', () => {
    const base = defaultRulesConfig()
    expect(applyRulesOverride(base, undefined, network)).toEqual({ ok: true, value: base })
  })

  test('naming a station not in the network is refused with the path', () => {
    const r = applyRulesOverride(
      defaultRulesConfig(),
      { stations: { 'phu-ann': { alarmLevelsM: { II: 1.45 } } } },
      network,
    )
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.some((i) => i.field.startsWith('rulesOverride.stations'))).toBe(true)
  })

  test('a value of the wrong type is refused with its path', () => {
    const r = applyRulesOverride(defaultRulesConfig(), { waterLevel: { clearMarginM: '5 cm' } }, network)
    expect(!r.ok && r.error.map((i) => i.field)).toEqual(['rulesOverride.waterLevel.clearMarginM'])
  })
})
