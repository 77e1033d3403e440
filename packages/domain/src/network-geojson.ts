import type { LineString, LonLat } from './geo'
import type { FloodPoint, Network, RoadSegment, WaterStation } from './network'

interface Feature<G, P> {
  type: 'Feature'
  id: number
  geometry: G
  properties: P
}
interface FeatureCollection<G, P> {
  type: 'FeatureCollection'
  features: Feature<G, P>[]
}
type Point = { type: 'Point'; coordinates: LonLat }

export type SegmentProperties = Omit<RoadSegment, 'geometry'>
export type StationProperties = Omit<WaterStation, 'location'>
export type FloodPointProperties = Omit<FloodPoint, 'location' | 'area'>

/**
 * The network as `GET /api/v1/network` serves it. Feature `id` is the index that live and replay
 * deltas use (`segmentIdx`, `stationIdx`), so the order of the arrays is part of the contract.
 */
export interface NetworkGeoJson {
  version: string
  segments: FeatureCollection<LineString, SegmentProperties>
  stations: FeatureCollection<Point, StationProperties>
  floodPoints: FeatureCollection<Point, FloodPointProperties>
}

export function networkToGeoJson(network: Network): NetworkGeoJson {
  return {
    version: network.version,
    segments: {
      type: 'FeatureCollection',
      features: network.segments.map(({ geometry, ...properties }, id) => ({
        type: 'Feature',
        id,
        geometry,
        properties,
      })),
    },
    stations: {
      type: 'FeatureCollection',
      features: network.stations.map(({ location, ...properties }, id) => ({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: location },
        properties: properties as StationProperties,
      })),
    },
    floodPoints: {
      type: 'FeatureCollection',
      features: network.floodPoints.map(({ location, area: _area, ...properties }, id) => ({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: location },
        properties,
      })),
    },
  }
}
