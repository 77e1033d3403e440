import type { RulesConfig } from './rules-config'

/**
 * Metres below a passed báo động level the water must fall before that level is released, at one gauge:
 * its override, else the rules' `waterLevel.clearMarginM` (0.05 in rules.default.json). Reports and
 * forecasts read it from the same config as the engine, so a changed rules file reaches them too.
 */
export function waterReleaseMarginM(rules: RulesConfig, stationId: string): number {
  return rules.stations[stationId]?.waterLevel?.clearMarginM ?? rules.waterLevel.clearMarginM
}
