import type { AlarmLevel } from '@ioc/domain'

/** Báo động levels an analyst typed for one gauge, m; a level left out keeps its configured value. */
export type GaugeLevels = Partial<Record<AlarmLevel, number>>

/** Congestion ratios of free-flow speed (packages/rules `CongestionRule`); left out keeps the default. */
export interface CongestionRatios {
  warningBelowRatio?: number
  majorBelowRatio?: number
}

export interface WhatIf {
  gauges: Record<string, GaugeLevels>
  congestion: CongestionRatios
}

export const NO_WHAT_IF: WhatIf = { gauges: {}, congestion: {} }

/**
 * The `rulesOverride` of `replay:start` for a what-if (a partial packages/rules `RulesConfig`, merged
 * over the live rules by the server): `{ stations: { 'phu-an': { alarmLevelsM: { II: 1.45 } } } }`.
 * Undefined when nothing is changed, so the replay runs the current rules.
 */
export function rulesOverrideOf(w: WhatIf): Record<string, unknown> | undefined {
  const stations: Record<string, { alarmLevelsM: GaugeLevels }> = {}
  for (const [id, levels] of Object.entries(w.gauges)) {
    const set = Object.fromEntries(Object.entries(levels).filter(([, v]) => Number.isFinite(v)))
    if (Object.keys(set).length > 0) stations[id] = { alarmLevelsM: set }
  }
  const congestion = Object.fromEntries(Object.entries(w.congestion).filter(([, v]) => Number.isFinite(v)))
  const override: Record<string, unknown> = {
    ...(Object.keys(stations).length > 0 && { stations }),
    ...(Object.keys(congestion).length > 0 && { congestion }),
  }
  return Object.keys(override).length > 0 ? override : undefined
}

/** How many thresholds a what-if changes: shown on its button so the analyst knows one is in force. */
export function changedCount(w: WhatIf): number {
  const gauges = Object.values(w.gauges).flatMap((l) => Object.values(l).filter(Number.isFinite))
  return gauges.length + Object.values(w.congestion).filter(Number.isFinite).length
}

/** A number as an analyst types it in either language: "1,45" or "1.45"; undefined when blank or bad. */
export function parseDecimal(s: string): number | undefined {
  const t = s.trim().replace(',', '.')
  if (t === '') return undefined
  const n = Number(t)
  return Number.isFinite(n) ? n : undefined
}
