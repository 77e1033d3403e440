import { SegmentId, StationId } from '@ioc/domain'
import { z } from 'zod'

const Seconds = z.number().int().positive()
const Ratio = z.number().gt(0).lt(1)

/** Gauge level against báo động I/II/III; one alert per gauge whose severity follows the level. */
export const WaterLevelRule = z.strictObject({
  enabled: z.boolean(),
  /** Metres below a level the water must fall before that level is released. Default 0.05. */
  clearMarginM: z.number().min(0),
  /** Seconds the water must stay `clearMarginM` below a level before it is released. Default 1800. */
  clearHoldS: z.number().int().min(0),
})
export type WaterLevelRule = z.infer<typeof WaterLevelRule>

/** Fast rise at a gauge: more than `riseM` within `windowS`. */
export const RateOfRiseRule = z.strictObject({
  enabled: z.boolean(),
  /** Metres of rise within the window that raise the alert (strictly more). Default 0.10. */
  riseM: z.number().positive(),
  /** Seconds of the sliding window. Default 900. */
  windowS: Seconds,
  /** Seconds the rise must stay at or under `riseM` before the alert clears. Default 900. */
  clearHoldS: z.number().int().min(0),
})
export type RateOfRiseRule = z.infer<typeof RateOfRiseRule>

/** Street depth at a flood sensor against the station's `depthLevelsCm`. */
export const StreetFloodRule = z.strictObject({
  enabled: z.boolean(),
  /** Centimetres below a depth level the water must fall before that level is released. Default 2. */
  clearMarginCm: z.number().min(0),
  /** Seconds the depth must stay `clearMarginCm` below a level before it is released. Default 1800. */
  clearHoldS: z.number().int().min(0),
})
export type StreetFloodRule = z.infer<typeof StreetFloodRule>

/** Slow traffic on a segment, as a fraction of its free-flow speed. */
export const CongestionRule = z.strictObject({
  enabled: z.boolean(),
  /** Below this fraction of free flow for `pendingS` raises a warning. Default 0.4. */
  warningBelowRatio: Ratio,
  /** Below this fraction for `pendingS` makes it major; above `warningBelowRatio` for `clearHoldS` lowers it. Default 0.2. */
  majorBelowRatio: Ratio,
  /** Seconds a condition must hold before it raises (Grafana's pending period). Default 600. */
  pendingS: z.number().int().min(0),
  /** Above this fraction of free flow for `clearHoldS` clears the alert. Default 0.6. */
  clearAboveRatio: Ratio,
  /** Seconds the speed must stay above a leave threshold before the severity drops. Default 300. */
  clearHoldS: z.number().int().min(0),
})
export type CongestionRule = z.infer<typeof CongestionRule>

/** No observation from a station for `afterIntervals` × its `expectedIntervalS` (live only, clock-driven). */
export const SensorSilentRule = z.strictObject({
  enabled: z.boolean(),
  /** Default 3. */
  afterIntervals: z.number().positive(),
})
export type SensorSilentRule = z.infer<typeof SensorSilentRule>

/** Per-station overrides: any rule parameter, and the thresholds themselves (what-if replays). */
export const StationOverride = z.strictObject({
  waterLevel: WaterLevelRule.partial().optional(),
  rateOfRise: RateOfRiseRule.partial().optional(),
  streetFlood: StreetFloodRule.partial().optional(),
  sensorSilent: SensorSilentRule.partial().optional(),
  /** Replaces some of a gauge's báo động levels, e.g. `{ "II": 1.45 }`; null removes a level. */
  alarmLevelsM: z
    .strictObject({ I: z.number(), II: z.number().nullable(), III: z.number().nullable() })
    .partial()
    .optional(),
  /** Replaces a flood sensor's three depth levels, cm. */
  depthLevelsCm: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]).optional(),
})
export type StationOverride = z.infer<typeof StationOverride>

export const SegmentOverride = z.strictObject({
  congestion: CongestionRule.partial().optional(),
  /** Replaces the network's free-flow speed, km/h. */
  freeFlowKph: z.number().positive().max(130).optional(),
})
export type SegmentOverride = z.infer<typeof SegmentOverride>

/** The whole rules configuration; `rules.default.json` at the package root holds the defaults. */
export const RulesConfig = z.strictObject({
  waterLevel: WaterLevelRule,
  rateOfRise: RateOfRiseRule,
  streetFlood: StreetFloodRule,
  congestion: CongestionRule,
  sensorSilent: SensorSilentRule,
  stations: z.record(StationId, StationOverride),
  segments: z.record(SegmentId, SegmentOverride),
})
export type RulesConfig = z.infer<typeof RulesConfig>
