import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import defaults from '../../rules.default.json' with { type: 'json' }
import { NGUYEN_HUU_CANH, PHU_AN, UNG_VAN_KHIEM } from '../testing/observations'
import { defaultRulesConfig, loadRulesConfig } from './load-rules-config'

const network = loadNetwork()

describe('loadRulesConfig', () => {
  test('the shipped rules.default.json is valid for the HCMC network', () => {
    expect(loadRulesConfig(defaults, network)).toEqual({ ok: true, value: defaultRulesConfig() })
    expect(defaultRulesConfig()).toMatchObject({
      waterLevel: { clearMarginM: 0.05, clearHoldS: 1800 },
      rateOfRise: { riseM: 0.1, windowS: 900 },
      congestion: { warningBelowRatio: 0.4, pendingS: 600, clearAboveRatio: 0.6, clearHoldS: 300 },
      sensorSilent: { afterIntervals: 3 },
    })
  })

  test('names the field of a bad value', () => {
    const bad = {
      ...defaultRulesConfig(),
      waterLevel: { enabled: true, clearMarginM: '5 cm', clearHoldS: 1800 },
    }
    expect(loadRulesConfig(bad, network)).toMatchObject({
      ok: false,
      error: [{ field: 'waterLevel.clearMarginM' }],
    })
  })

  test('refuses overrides for subjects the network does not have, or that do not fit them', () => {
    const config = {
      ...defaultRulesConfig(),
      stations: {
        'phu-an-2': { waterLevel: { clearHoldS: 60 } },
        [UNG_VAN_KHIEM]: { alarmLevelsM: { I: 1 } },
      },
      segments: { 'seg-1-2': { freeFlowKph: 40 } },
    }
    const loaded = loadRulesConfig(config, network)
    expect(loaded.ok ? [] : loaded.error.map((i) => i.field)).toEqual([
      'stations.phu-an-2',
      'segments.seg-1-2',
      `stations.${UNG_VAN_KHIEM}.alarmLevelsM`,
    ])
  })

  test('refuses overrides that leave thresholds out of order', () => {
    const config = {
      ...defaultRulesConfig(),
      stations: { [PHU_AN]: { alarmLevelsM: { II: 1.7 } } },
      segments: { [NGUYEN_HUU_CANH]: { congestion: { majorBelowRatio: 0.5 } } },
    }
    const loaded = loadRulesConfig(config, network)
    expect(loaded.ok ? [] : loaded.error.map((i) => i.field)).toEqual([
      `stations.${PHU_AN}.alarmLevelsM`,
      `segments.${NGUYEN_HUU_CANH}.congestion`,
    ])
  })
})
