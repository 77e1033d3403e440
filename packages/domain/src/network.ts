import { z } from 'zod'
import { LineString, LonLat, Polygon } from './geo'

export const SegmentId = z
  .string()
  .regex(/^seg-[\w-]+$/, 'expected a segment id like "seg-373544408-366440827"')
export type SegmentId = z.infer<typeof SegmentId>

export const StationId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a station id like "phu-an"')
export type StationId = z.infer<typeof StationId>

/** OpenStreetMap highway classes kept in the network; links are the ramps between them. */
export const RoadClass = z.enum([
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'tertiary',
  'motorway_link',
  'trunk_link',
  'primary_link',
  'secondary_link',
  'tertiary_link',
])
export type RoadClass = z.infer<typeof RoadClass>

export const RoadSegment = z.object({
  id: SegmentId,
  /** Street name in Vietnamese (NFC); empty when OSM has none. */
  name: z.string(),
  district: z.string().min(1),
  roadClass: RoadClass,
  geometry: LineString,
  lengthM: z.number().positive(),
  /** Speed of the segment with no congestion, km/h. */
  freeFlowKph: z.number().positive().max(130),
  oneway: z.boolean(),
})
export type RoadSegment = z.infer<typeof RoadSegment>

/** The official alarm levels, báo động I, II and III (QĐ 05/2020/QĐ-TTg), lowest first. */
export const AlarmLevel = z.enum(['I', 'II', 'III'])
export type AlarmLevel = z.infer<typeof AlarmLevel>
export const ALARM_LEVELS = AlarmLevel.options

/** Official alarm levels (báo động I/II/III) in metres on the national datum, QĐ 05/2020/QĐ-TTg. */
export const AlarmLevelsM = z
  .object({ I: z.number(), II: z.number().nullable(), III: z.number().nullable() })
  .refine((l) => (l.II === null || l.II > l.I) && (l.III === null || l.II === null || l.III > l.II), {
    message: 'alarm levels must rise from I to III',
  })
export type AlarmLevelsM = z.infer<typeof AlarmLevelsM>

/** The highest báo động level a gauge reading has reached, or null below báo động I. */
export function alarmLevelReached(valueM: number, levels: AlarmLevelsM): AlarmLevel | null {
  let reached: AlarmLevel | null = null
  for (const level of ALARM_LEVELS) {
    const m = levels[level]
    if (m !== null && valueM >= m) reached = level
  }
  return reached
}

/** Plausible range of a station's readings; anything outside is a sensor fault, not water. */
export const PlausibleRange = z
  .object({ min: z.number(), max: z.number() })
  .refine((r) => r.max > r.min, { message: 'max must exceed min' })

const stationBase = {
  id: StationId,
  name: z.string().min(1),
  location: LonLat,
  district: z.string().min(1),
  /** How often the station is expected to report, seconds. */
  expectedIntervalS: z.number().int().positive(),
  plausible: PlausibleRange,
}

export const GaugeStation = z.object({
  ...stationBase,
  kind: z.enum(['tide-gauge', 'river-gauge']),
  unit: z.literal('m'),
  river: z.string().min(1),
  alarmLevelsM: AlarmLevelsM,
  /** Where the báo động levels come from: the bulletins or decision that set them (every fixture gauge has one). */
  alarmLevelsSource: z.string().min(1).optional(),
})
export type GaugeStation = z.infer<typeof GaugeStation>

export const FloodSensorStation = z.object({
  ...stationBase,
  kind: z.literal('street-flood-sensor'),
  unit: z.literal('cm'),
  floodPointId: z.string().min(1),
  /** Street depth levels, cm: passable with care, dangerous for motorbikes, impassable. */
  depthLevelsCm: z
    .tuple([z.number().positive(), z.number().positive(), z.number().positive()])
    .refine(([a, b, c]) => a < b && b < c, { message: 'depth levels must rise' }),
})
export type FloodSensorStation = z.infer<typeof FloodSensorStation>

export const WaterStation = z.discriminatedUnion('kind', [GaugeStation, FloodSensorStation])
export type WaterStation = z.infer<typeof WaterStation>

export const FloodCause = z.enum(['rain', 'tide', 'rain+tide'])

export const FloodPoint = z.object({
  id: z.string().regex(/^fp-\d{3}$/),
  /** The street or junction that floods, as the source names it. */
  street: z.string().min(1),
  district: z.string().min(1),
  cause: FloodCause,
  location: LonLat,
  area: Polygon.optional(),
  /** Road segments that pass through the flood point, for the flood → traffic coupling. */
  segmentIds: z.array(SegmentId),
})
export type FloodPoint = z.infer<typeof FloodPoint>

export const Network = z.object({
  version: z.string().min(1),
  segments: z.array(RoadSegment),
  stations: z.array(WaterStation),
  floodPoints: z.array(FloodPoint),
})
export type Network = z.infer<typeof Network>
