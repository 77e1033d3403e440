import { HCMC_TIME_ZONE, SegmentId, Timestamp } from '@ioc/domain'
import { z } from 'zod'

/** A burst of rain over some flood points: ramps up, holds, ramps down (see water/rain-intensity.ts). */
export const RainEvent = z.object({
  from: Timestamp,
  to: Timestamp,
  peakMmPerH: z.number().positive(),
  /** Flood points that get the rain; all of them when absent. */
  floodPointIds: z.array(z.string().regex(/^fp-\d{3}$/)).optional(),
})
export type RainEvent = z.infer<typeof RainEvent>

/** A water-level offset on top of the astronomical tide (surge, river flow), metres, linear between knots. */
export const LevelOffsetKnot = z.object({ at: Timestamp, m: z.number() })

/** Surges and storms drawn from the seed (water/random-weather.ts), on top of the listed ones. */
export const RandomWeather = z.object({
  /** Stationary spread of the surge, metres. */
  surgeSdM: z.number().nonnegative(),
  /** How long a surge persists: its e-folding time, hours. */
  surgeTauH: z.number().positive(),
  surgeKnotH: z.number().positive().default(3),
  /** Chance of a storm on each day. */
  rainPerDay: z.number().min(0).max(1),
  rainPeakMmPerH: z.tuple([z.number().positive(), z.number().positive()]),
  /** Share of the flood points each storm hits. */
  rainShareOfPoints: z.number().min(0).max(1).default(0.5),
})

export const Scenario = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  seed: z.number().int().nonnegative(),
  timeZone: z.literal(HCMC_TIME_ZONE),
  from: Timestamp,
  to: Timestamp,
  description: z.object({ en: z.string().min(1), vi: z.string().min(1) }),
  /** Set when the scenario rebuilds a past event from reports rather than measurements. */
  reconstruction: z.object({ note: z.string().min(1), sources: z.array(z.url()).min(1) }).optional(),
  traffic: z.object({
    intervalS: z.number().int().positive().default(300),
    /** Only these segments report; every segment when absent. */
    segmentIds: z.array(SegmentId).optional(),
    incidentsPerDay: z.number().nonnegative().default(0),
    /** Relative amplitude of the per-reading noise, e.g. 0.04 = ±2 %. */
    noise: z.number().min(0).max(0.2).default(0.04),
  }),
  water: z.object({
    intervalS: z.number().int().positive().default(300),
    /** Surge on top of the astronomical tide at every gauge; 0 when empty. */
    surgeM: z.array(LevelOffsetKnot).default([]),
    /**
     * For a reconstruction: add the surge the tide models need to meet the levels reported within the
     * scenario (fixtures `tide-reports.json`), estimated per gauge (upstream gauges take Phú An's).
     */
    surgeFromReports: z.boolean().default(false),
    /** Extra river level from upstream flow, metres, at every gauge. */
    riverFlowM: z.number().default(0),
    rain: z.array(RainEvent).default([]),
    randomWeather: RandomWeather.optional(),
  }),
})
export type Scenario = z.infer<typeof Scenario>
export type ScenarioInput = z.input<typeof Scenario>
