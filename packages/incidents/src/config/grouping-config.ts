import { z } from 'zod'

const Metres = z.number().positive()
/** Seconds an incident stays open to new alerts after its last alert went quiet: the episode's end. */
const EpisodeGapS = z.number().int().min(0)

/** Street floods of one rain or tide episode, near each other, driven by a gauge past báo động. */
export const StreetFloodGrouping = z.strictObject({
  enabled: z.boolean(),
  /** Only floods in the same district group. Default true. */
  sameDistrict: z.boolean(),
  /**
   * A flood joins when within this many metres of a flood already in the incident; null: any distance.
   * Default null: the district is the unit a duty officer sends help to (Thủ Đức's 20 flood points
   * lie up to 10 km apart); the incident still tells how far apart its floods are (`spanM`).
   */
  withinM: Metres.nullable(),
  /** Default 10800 (3 h): the morning and evening high tides of a king tide are two episodes. */
  episodeGapS: EpisodeGapS,
  /** A gauge with a báo động this near a tide-fed flood point drives its incident. Default 25000. */
  driverWithinM: Metres,
})
export type StreetFloodGrouping = z.infer<typeof StreetFloodGrouping>

/** Báo động and fast rise at gauges of one tide, within a distance of each other. */
export const GaugeGrouping = z.strictObject({
  enabled: z.boolean(),
  /** Default 40000: the Sài Gòn – Đồng Nai gauges of one tide. */
  withinM: Metres,
  episodeGapS: EpisodeGapS,
})
export type GaugeGrouping = z.infer<typeof GaugeGrouping>

/** Congestion on connected segments of one corridor, and on the roads through a flooded street. */
export const CongestionGrouping = z.strictObject({
  enabled: z.boolean(),
  /** Only segments of the same street (or, unnamed, the same road class) group. Default false: a jam spreads to cross streets. */
  sameStreet: z.boolean(),
  /** Segments whose ends are this close are connected, metres. Default 500. */
  joinM: Metres,
  /** Default 3600. */
  episodeGapS: EpisodeGapS,
  /** Congestion on a road through a flood point joins the flood's incident. Default true. */
  withFloods: z.boolean(),
})
export type CongestionGrouping = z.infer<typeof CongestionGrouping>

/** Sensors falling silent together (a power or network cut). */
export const SensorSilentGrouping = z.strictObject({
  enabled: z.boolean(),
  sameDistrict: z.boolean(),
  episodeGapS: EpisodeGapS,
})
export type SensorSilentGrouping = z.infer<typeof SensorSilentGrouping>

/**
 * How alerts become incidents; `incidents.default.json` at the package root holds the defaults. An
 * alert no enabled rule takes (forecasts, a disabled rule's kind) is an incident of its own.
 */
export const GroupingConfig = z.strictObject({
  streetFlood: StreetFloodGrouping,
  gauge: GaugeGrouping,
  congestion: CongestionGrouping,
  sensorSilent: SensorSilentGrouping,
})
export type GroupingConfig = z.infer<typeof GroupingConfig>
