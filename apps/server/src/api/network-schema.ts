import { FloodPoint, FloodSensorStation, GaugeStation, LineString, LonLat, RoadSegment } from '@ioc/domain'
import { z } from 'zod'

/**
 * The zod form of the domain's `NetworkGeoJson` interface, built from the domain schemas, so the
 * OpenAPI document can describe `GET /api/v1/network` and tests can check the answer against it.
 */
const feature = <G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) =>
  z.object({
    type: z.literal('Feature'),
    id: z.number().int().nonnegative().meta({ description: 'Index used by deltas (segmentIdx, stationIdx)' }),
    geometry,
    properties,
  })
const collection = <F extends z.ZodType>(f: F) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(f) })
const Point = z.object({ type: z.literal('Point'), coordinates: LonLat })

export const NetworkGeoJsonSchema = z.object({
  version: z.string(),
  segments: collection(feature(LineString, RoadSegment.omit({ geometry: true }))),
  stations: collection(
    feature(
      Point,
      z.discriminatedUnion('kind', [
        GaugeStation.omit({ location: true }),
        FloodSensorStation.omit({ location: true }),
      ]),
    ),
  ),
  floodPoints: collection(feature(Point, FloodPoint.omit({ location: true, area: true }))),
})
