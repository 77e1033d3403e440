import {
  ALARM_LEVELS,
  AlarmLevelsM,
  type FloodSensorStation,
  GAUGE_ALARM_SEVERITY,
  type GaugeStation,
  type Issue,
  type Network,
  type Result,
  type RoadSegment,
  type Severity,
} from '@ioc/domain'
import { congestionLevelsKph } from './congestion-levels'
import { roundDecimal } from './round-decimal'
import type { CongestionRule, RulesConfig, SegmentOverride, StationOverride } from './rules-config'

/** One level of a banded alert, precomputed so an observation only compares numbers. */
export interface Level {
  /** "I" / "II" / "III" for gauges, "1" / "2" / "3" for street depth, "warning" / "major" for congestion. */
  label: string
  severity: Severity
  /** Raise threshold in the subject's unit. */
  threshold: number
  /** Release threshold: below it (water) or above it (speed) long enough drops the level. */
  releaseAt: number
}

export interface WaterLevelSettings {
  levels: Level[]
  holdMs: number
}

export interface RateOfRiseSettings {
  riseM: number
  windowMs: number
  holdMs: number
}

export interface StreetFloodSettings {
  levels: Level[]
  holdMs: number
}

export interface CongestionSettings {
  freeFlowKph: number
  levels: Level[]
  /** Percentages for messages: [warning, major] raise and [warning, major] release. */
  raisePct: number[]
  releasePct: number[]
  pendingMs: number
  holdMs: number
}

export interface GaugeSettings {
  station: GaugeStation
  waterLevel: WaterLevelSettings | null
  rateOfRise: RateOfRiseSettings | null
  silentAfterMs: number | null
}

export interface FloodSensorSettings {
  station: FloodSensorStation
  streetFlood: StreetFloodSettings | null
  silentAfterMs: number | null
}

export interface SegmentSettings {
  segment: RoadSegment
  congestion: CongestionSettings | null
}

/** The configuration applied to one network: every override merged, every threshold precomputed. */
export interface ResolvedRules {
  stations: (GaugeSettings | FloodSensorSettings)[]
  segments: SegmentSettings[]
}

const DEPTH_SEVERITY: Severity[] = ['minor', 'major', 'critical']

/**
 * Merges the overrides into the global rules for every subject of the network. Fails, naming the
 * config path, when an override names an unknown subject, does not fit the subject's kind, or leaves
 * thresholds that no longer rise.
 */
export function resolveRules(network: Network, config: RulesConfig): Result<ResolvedRules, Issue[]> {
  const issues: Issue[] = []
  const stationIds = new Set(network.stations.map((s) => s.id))
  const segmentIds = new Set(network.segments.map((s) => s.id))
  for (const id of Object.keys(config.stations)) {
    if (!stationIds.has(id))
      issues.push({ field: `stations.${id}`, message: 'no such station in the network' })
  }
  for (const id of Object.keys(config.segments)) {
    if (!segmentIds.has(id))
      issues.push({ field: `segments.${id}`, message: 'no such segment in the network' })
  }

  if (!ratiosRise(config.congestion)) issues.push({ field: 'congestion', message: RATIO_ORDER })

  const stations = network.stations.map((station) => {
    const override = config.stations[station.id] ?? {}
    const where = `stations.${station.id}`
    const silent = { ...config.sensorSilent, ...override.sensorSilent }
    const silentAfterMs = silent.enabled ? silent.afterIntervals * station.expectedIntervalS * 1000 : null
    if (station.kind === 'street-flood-sensor') {
      for (const k of ['waterLevel', 'rateOfRise', 'alarmLevelsM'] as const) {
        if (override[k]) issues.push({ field: `${where}.${k}`, message: 'only applies to a gauge' })
      }
      return {
        station,
        streetFlood: resolveStreetFlood(station, config, override, where, issues),
        silentAfterMs,
      }
    }
    for (const k of ['streetFlood', 'depthLevelsCm'] as const) {
      if (override[k])
        issues.push({ field: `${where}.${k}`, message: 'only applies to a street flood sensor' })
    }
    const rise = { ...config.rateOfRise, ...override.rateOfRise }
    return {
      station,
      waterLevel: resolveWaterLevel(station, config, override, where, issues),
      rateOfRise: rise.enabled
        ? { riseM: rise.riseM, windowMs: rise.windowS * 1000, holdMs: rise.clearHoldS * 1000 }
        : null,
      silentAfterMs,
    }
  })

  const segments = network.segments.map((segment) => {
    const override = config.segments[segment.id] ?? {}
    return {
      segment,
      congestion: resolveCongestion(segment, config, override, `segments.${segment.id}`, issues),
    }
  })

  return issues.length ? { ok: false, error: issues } : { ok: true, value: { stations, segments } }
}

function resolveWaterLevel(
  station: GaugeStation,
  config: RulesConfig,
  override: StationOverride,
  where: string,
  issues: Issue[],
): WaterLevelSettings | null {
  const rule = { ...config.waterLevel, ...override.waterLevel }
  const parsed = AlarmLevelsM.safeParse({ ...station.alarmLevelsM, ...override.alarmLevelsM })
  if (!parsed.success) {
    issues.push({ field: `${where}.alarmLevelsM`, message: parsed.error.issues[0]?.message ?? 'invalid' })
    return null
  }
  if (!rule.enabled) return null
  const levels: Level[] = []
  for (const label of ALARM_LEVELS) {
    const m = parsed.data[label]
    if (m !== null)
      levels.push({
        label,
        severity: GAUGE_ALARM_SEVERITY[label],
        threshold: m,
        releaseAt: roundDecimal(m - rule.clearMarginM),
      })
  }
  return { levels, holdMs: rule.clearHoldS * 1000 }
}

function resolveStreetFlood(
  station: FloodSensorStation,
  config: RulesConfig,
  override: StationOverride,
  where: string,
  issues: Issue[],
): StreetFloodSettings | null {
  const rule = { ...config.streetFlood, ...override.streetFlood }
  const depths = override.depthLevelsCm ?? station.depthLevelsCm
  if (!(depths[0] < depths[1] && depths[1] < depths[2])) {
    issues.push({ field: `${where}.depthLevelsCm`, message: 'depth levels must rise' })
    return null
  }
  if (!rule.enabled) return null
  return {
    levels: depths.map((cm, i) => ({
      label: String(i + 1),
      severity: DEPTH_SEVERITY[i] as Severity,
      threshold: cm,
      releaseAt: roundDecimal(cm - rule.clearMarginCm),
    })),
    holdMs: rule.clearHoldS * 1000,
  }
}

const RATIO_ORDER = 'expected majorBelowRatio < warningBelowRatio < clearAboveRatio'

function ratiosRise(r: CongestionRule): boolean {
  return r.majorBelowRatio < r.warningBelowRatio && r.warningBelowRatio < r.clearAboveRatio
}

function resolveCongestion(
  segment: RoadSegment,
  config: RulesConfig,
  override: SegmentOverride,
  where: string,
  issues: Issue[],
): CongestionSettings | null {
  const rule: CongestionRule = { ...config.congestion, ...override.congestion }
  if (!ratiosRise(rule)) {
    // A bad global rule is reported once by resolveRules, not once per segment.
    if (override.congestion) issues.push({ field: `${where}.congestion`, message: RATIO_ORDER })
    return null
  }
  if (!rule.enabled) return null
  const ff = override.freeFlowKph ?? segment.freeFlowKph
  const line = congestionLevelsKph(config, segment)
  // Each severity leaves at the raise threshold of the one below it: major eases to warning once
  // traffic is back above the congestion line, warning clears once above `clearAboveRatio`.
  return {
    freeFlowKph: ff,
    levels: [
      {
        label: 'warning',
        severity: 'warning',
        threshold: line.congestedBelowKph,
        releaseAt: line.releaseAboveKph,
      },
      {
        label: 'major',
        severity: 'major',
        threshold: roundDecimal(rule.majorBelowRatio * ff),
        releaseAt: roundDecimal(rule.warningBelowRatio * ff),
      },
    ],
    raisePct: [roundDecimal(rule.warningBelowRatio * 100), roundDecimal(rule.majorBelowRatio * 100)],
    releasePct: [roundDecimal(rule.clearAboveRatio * 100), roundDecimal(rule.warningBelowRatio * 100)],
    pendingMs: rule.pendingS * 1000,
    holdMs: rule.clearHoldS * 1000,
  }
}
