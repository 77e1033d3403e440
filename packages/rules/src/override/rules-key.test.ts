import { createHash } from 'node:crypto'
import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { defaultRulesConfig } from '../config/load-rules-config'
import { applyRulesOverride } from './apply-rules-override'
import { rulesKey } from './rules-key'

describe('the key of a rules configuration', () => {
  test('changes with any value', () => {
    const base = defaultRulesConfig()
    const r = applyRulesOverride(
      base,
      { stations: { 'phu-an': { alarmLevelsM: { II: 1.45 } } } },
      loadNetwork(),
    )
    expect(r.ok && rulesKey(r.value)).not.toBe(rulesKey(base))
  })

  test('does not depend on the order of the keys', () => {
    const a = defaultRulesConfig()
    const reversed = Object.fromEntries(Object.entries(a).reverse()) as typeof a
    expect(Object.keys(reversed)).not.toEqual(Object.keys(a))
    expect(rulesKey(reversed)).toBe(rulesKey(a))
  })

  test('is the SHA-256 node:crypto gives for the same key-sorted JSON', () => {
    const config = defaultRulesConfig()
    const sorted = JSON.stringify(config, (_k, v) =>
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, v[k]]),
          )
        : v,
    )
    expect(rulesKey(config)).toBe(createHash('sha256').update(sorted).digest('hex').slice(0, 16))
  })
})
