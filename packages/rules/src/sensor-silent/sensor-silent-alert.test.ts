import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { defaultRulesConfig } from '../config/load-rules-config'
import { createRulesEngine } from '../engine/rules-engine'
import { atMinute, PHU_AN, water } from '../testing/observations'

const network = loadNetwork()
const config = defaultRulesConfig()
const silentAt = (key: string) => (events: readonly { key: string }[]) => events.filter((e) => e.key === key)
const phuAnSilent = silentAt(`sensor-silent:${PHU_AN}`)

describe('sensor silent (3 × expected interval; Phú An reports every 10 min)', () => {
  test('raises by the clock after 30 min without a reading and clears on the next one', () => {
    const engine = createRulesEngine(network, config)
    engine.observe(water(PHU_AN, 0, 1.1))
    expect(phuAnSilent(engine.tick(atMinute(29)))).toEqual([])
    const raised = phuAnSilent(engine.tick(atMinute(30)))
    expect(raised).toMatchObject([
      { type: 'raised', severity: 'warning', value: 1800, threshold: 1800, unit: 's', at: atMinute(30) },
    ])
    expect(raised[0]).toMatchObject({
      message: {
        vi: 'Phú An mất tín hiệu: không có dữ liệu 30 phút (ngưỡng 30 phút)',
        en: 'Phú An silent: no data for 30 min (threshold 30 min)',
      },
    })
    expect(phuAnSilent(engine.tick(atMinute(35)))).toEqual([])
    expect(phuAnSilent(engine.observe(water(PHU_AN, 42, 1.2)))).toMatchObject([
      { type: 'cleared', at: atMinute(42), message: { en: 'Phú An reporting again after 42 min' } },
    ])
  })

  test('a station never heard from is counted from the first tick', () => {
    const engine = createRulesEngine(network, config)
    expect(phuAnSilent(engine.tick(atMinute(0)))).toEqual([])
    expect(phuAnSilent(engine.tick(atMinute(30)))).toMatchObject([{ type: 'raised', value: 1800 }])
  })

  test('is only ever clock-driven: observations alone never raise it', () => {
    const engine = createRulesEngine(network, config)
    const events = [water(PHU_AN, 0, 1.1), water(PHU_AN, 120, 1.1)].flatMap((o) => engine.observe(o))
    expect(events.filter((e) => e.kind === 'sensor-silent')).toEqual([])
  })
})
