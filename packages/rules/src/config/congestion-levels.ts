import type { RoadSegment } from '@ioc/domain'
import { roundDecimal } from './round-decimal'
import type { RulesConfig } from './rules-config'

/** A segment's congestion line as the rules engine draws it, km/h. */
export interface CongestionLevelsKph {
  /** Congested below this: the rules' warning level, `congestion.warningBelowRatio` (0.4 in rules.default.json) of free flow. */
  congestedBelowKph: number
  /** Flowing again above this: the rules' clear level, `congestion.clearAboveRatio` (0.6 in rules.default.json) of free flow. */
  releaseAboveKph: number
}

/**
 * The congestion line of one segment: its override of the congestion rule and of its free-flow speed,
 * else the rules' and the network's. The engine raises and clears congestion on it, and forecasts read
 * it from the same config, so a changed rules file reaches them too.
 */
export function congestionLevelsKph(rules: RulesConfig, segment: RoadSegment): CongestionLevelsKph {
  const override = rules.segments[segment.id]
  const rule = { ...rules.congestion, ...override?.congestion }
  const freeFlowKph = override?.freeFlowKph ?? segment.freeFlowKph
  return {
    congestedBelowKph: roundDecimal(rule.warningBelowRatio * freeFlowKph),
    releaseAboveKph: roundDecimal(rule.clearAboveRatio * freeFlowKph),
  }
}
