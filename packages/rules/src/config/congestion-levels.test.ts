import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { congestionLevelsKph } from './congestion-levels'
import { defaultRulesConfig, loadRulesConfig } from './load-rules-config'

const network = loadNetwork()
const segment = (i: number) => network.segments[i] as (typeof network.segments)[number]

test('a segment’s congestion line is the rules file’s share of its free flow', () => {
  const s = segment(0)
  expect(congestionLevelsKph(defaultRulesConfig(), s)).toEqual({
    congestedBelowKph: Math.round(s.freeFlowKph * 0.4 * 1e9) / 1e9,
    releaseAboveKph: Math.round(s.freeFlowKph * 0.6 * 1e9) / 1e9,
  })
})

test('a segment’s override of the rule or of its free flow moves its line, and only its', () => {
  const [a, b] = [segment(0), segment(1)]
  const defaults = defaultRulesConfig()
  const changed = loadRulesConfig(
    {
      ...defaults,
      congestion: { ...defaults.congestion, clearAboveRatio: 0.7 },
      segments: { [a.id]: { congestion: { warningBelowRatio: 0.5 }, freeFlowKph: 40 } },
    },
    network,
  )
  if (!changed.ok) throw new Error(JSON.stringify(changed.error))
  expect(congestionLevelsKph(changed.value, a)).toEqual({ congestedBelowKph: 20, releaseAboveKph: 28 })
  expect(congestionLevelsKph(changed.value, b).congestedBelowKph).toBe(
    congestionLevelsKph(defaults, b).congestedBelowKph,
  )
  expect(congestionLevelsKph(changed.value, b).releaseAboveKph).toBeCloseTo(b.freeFlowKph * 0.7, 9)
})
