import { z } from 'zod'
import { AlarmLevel, StationId } from './network'

/** One point of a water-level forecast: the level and its 90 % band, metres on the national datum. */
export const WaterForecastPoint = z.object({
  at: z.number().int(),
  levelM: z.number(),
  lowerM: z.number(),
  upperM: z.number(),
})
export type WaterForecastPoint = z.infer<typeof WaterForecastPoint>

export const ForecastCrossing = z.object({
  level: AlarmLevel,
  thresholdM: z.number(),
  /** When the forecast first rises through the báo động level, epoch ms. */
  at: z.number().int(),
  /** Minutes from `issuedAt` to `at`. */
  leadMin: z.number(),
})
export type ForecastCrossing = z.infer<typeof ForecastCrossing>

/** The latest forecast curve of a tide gauge (`GET /api/v1/forecast/water/:stationId`). */
export const WaterForecast = z.object({
  stationId: StationId,
  /** The forecast time, epoch ms: no reading after it was used. */
  issuedAt: z.number().int(),
  /** points[0] is the nowcast at issuedAt, then every 10 min for 24 h. */
  points: z.array(WaterForecastPoint),
  /** How the Vũng Tàu tide is carried to the gauge: fitted to its own week, or the prior when it has < 48 h. */
  transfer: z.object({
    lagMin: z.number(),
    gain: z.number(),
    offsetM: z.number(),
    source: z.enum(['fitted', 'prior']),
  }),
  /** Observed − tide over the last 30 min, metres (surge, river flow, rain). */
  residualNowM: z.number(),
  crossings: z.array(ForecastCrossing),
})
export type WaterForecast = z.infer<typeof WaterForecast>

export const TrafficForecastLead = z.union([z.literal(15), z.literal(30), z.literal(60)])
export type TrafficForecastLead = z.infer<typeof TrafficForecastLead>

/**
 * Forecast speeds at one lead, in columns indexed like the network's `segments` (`GET /api/v1/forecast/traffic`).
 * Only segments with a current reading are forecast.
 */
export const TrafficForecast = z.object({
  networkVersion: z.string(),
  issuedAt: z.number().int(),
  leadMin: TrafficForecastLead,
  segmentIdx: z.array(z.number().int().nonnegative()),
  speedKph: z.array(z.number()),
  /** The usual speed at that time (the profile), km/h, for the same segments. */
  usualKph: z.array(z.number()),
})
export type TrafficForecast = z.infer<typeof TrafficForecast>
