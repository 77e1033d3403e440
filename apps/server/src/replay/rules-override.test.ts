import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig } from '@ioc/rules'
import { describe, expect, test } from 'vitest'
import { applyRulesOverride, rulesKey } from './rules-override'

const network = loadNetwork()

describe('a what-if rules override', () => {
  test('changes only what it names', () => {
    const base = defaultRulesConfig()
    const r = applyRulesOverride(base, { stations: { 'phu-an': { alarmLevelsM: { II: 1.45 } } } }, network)
    expect(r.ok && r.value.stations['phu-an']?.alarmLevelsM).toEqual({ II: 1.45 })
    expect(r.ok && r.value.waterLevel).toEqual(base.waterLevel)
    expect(r.ok && rulesKey(r.value)).not.toBe(rulesKey(base))
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

  test('the key does not depend on the order of the keys', () => {
    const a = defaultRulesConfig()
    const reversed = Object.fromEntries(Object.entries(a).reverse()) as typeof a
    expect(Object.keys(reversed)).not.toEqual(Object.keys(a))
    expect(rulesKey(reversed)).toBe(rulesKey(a))
  })
})
