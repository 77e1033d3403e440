import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { defaultRulesConfig, loadRulesConfig } from './load-rules-config'
import { waterReleaseMarginM } from './release-margin'

test('the release margin is the rules file’s, per gauge where it overrides it', () => {
  const defaults = defaultRulesConfig()
  expect(waterReleaseMarginM(defaults, 'phu-an')).toBe(0.05)
  const changed = loadRulesConfig(
    {
      ...defaults,
      waterLevel: { ...defaults.waterLevel, clearMarginM: 0.1 },
      stations: { 'nha-be': { waterLevel: { clearMarginM: 0.02 } } },
    },
    loadNetwork(),
  )
  if (!changed.ok) throw new Error(JSON.stringify(changed.error))
  expect(waterReleaseMarginM(changed.value, 'phu-an')).toBe(0.1)
  expect(waterReleaseMarginM(changed.value, 'nha-be')).toBe(0.02)
})
