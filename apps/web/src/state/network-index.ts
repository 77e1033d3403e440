import {
  type FloodSensorStation,
  type GaugeStation,
  type LonLat,
  type NetworkGeoJson,
  positionsById,
  type RoadClass,
  type SegmentProperties,
} from '@ioc/domain'

export type Gauge = Omit<GaugeStation, 'location'>
export type FloodSensor = Omit<FloodSensorStation, 'location'>
/**
 * Domain's `StationProperties` is `Omit<WaterStation, 'location'>`, which flattens the union and loses
 * the `kind` narrowing; this is the same shape kept as a union.
 */
type StationProps = Gauge | FloodSensor

function stationProps(index: NetworkIndex, stationIdx: number): StationProps | undefined {
  return index.network.stations.features[stationIdx]?.properties as StationProps | undefined
}

/**
 * Static facts about the network as the map draws it, laid out for per-frame loops and lookups by id.
 * Not the domain's `NetworkIndex` (over `Network`, for the server and replay): this one is over the
 * GeoJSON the web is sent, with typed arrays for deck.gl; its id maps come from the domain's `positionsById`.
 */
export interface NetworkIndex {
  network: NetworkGeoJson
  segmentLengthM: Float32Array
  freeFlowKph: Float32Array
  segmentIdxById: Map<string, number>
  stationIdxById: Map<string, number>
  /** Indices into `network.stations` of the river/tide gauges and of the street flood sensors. */
  gaugeIdx: number[]
  floodSensorIdx: number[]
}

export function indexNetwork(network: NetworkGeoJson): NetworkIndex {
  const segments = network.segments.features
  const stations = network.stations.features
  return {
    network,
    segmentLengthM: Float32Array.from(segments, (f) => f.properties.lengthM),
    freeFlowKph: Float32Array.from(segments, (f) => f.properties.freeFlowKph),
    segmentIdxById: positionsById(segments.map((f) => f.properties)),
    stationIdxById: positionsById(stations.map((f) => f.properties)),
    gaugeIdx: stations.flatMap((f, i) => (f.properties.kind === 'street-flood-sensor' ? [] : [i])),
    floodSensorIdx: stations.flatMap((f, i) => (f.properties.kind === 'street-flood-sensor' ? [i] : [])),
  }
}

export function gaugeAt(index: NetworkIndex, stationIdx: number): Gauge | null {
  const p = stationProps(index, stationIdx)
  return p && p.kind !== 'street-flood-sensor' ? p : null
}

export function floodSensorAt(index: NetworkIndex, stationIdx: number): FloodSensor | null {
  const p = stationProps(index, stationIdx)
  return p && p.kind === 'street-flood-sensor' ? p : null
}

export function segmentAt(index: NetworkIndex, segmentIdx: number): SegmentProperties | null {
  return index.network.segments.features[segmentIdx]?.properties ?? null
}

/** Where to draw a marker for an alert's subject: the station, or the middle vertex of the segment. */
export function subjectPosition(index: NetworkIndex, subject: { type: string; id: string }): LonLat | null {
  if (subject.type === 'station') {
    const i = index.stationIdxById.get(subject.id)
    return i === undefined ? null : (index.network.stations.features[i]?.geometry.coordinates ?? null)
  }
  const i = index.segmentIdxById.get(subject.id)
  const coords = i === undefined ? undefined : index.network.segments.features[i]?.geometry.coordinates
  return coords?.[Math.floor(coords.length / 2)] ?? null
}

const CLASS_RANK: Record<RoadClass, number> = {
  motorway: 5,
  trunk: 4,
  primary: 3,
  secondary: 2,
  tertiary: 1,
  motorway_link: 1,
  trunk_link: 1,
  primary_link: 0,
  secondary_link: 0,
  tertiary_link: 0,
}

/** 0 (ramps) … 5 (motorway): drives line width. */
export function roadClassRank(c: RoadClass): number {
  return CLASS_RANK[c]
}
