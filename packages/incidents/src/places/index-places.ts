import type { AlertSubject, FloodPoint, LonLat, Network, RoadClass } from '@ioc/domain'
import distance from '@turf/distance'

/** What grouping needs to know about a station or segment. */
export interface Place {
  location: LonLat
  district: string
  /** Station name, or street name (empty for an unnamed road). */
  name: string
  /** Segments: the road class, which stands in for the street of an unnamed road. */
  roadClass?: RoadClass
  /** Segments: the two ends, to tell connected segments. */
  ends?: readonly [LonLat, LonLat]
  /** Flood sensors: the flood point they measure. */
  floodPoint?: FloodPoint
  /** Gauges: tide or river gauge. */
  gauge?: boolean
}

export interface Places {
  of(subject: AlertSubject): Place | null
  /** Flood points a segment passes through. */
  floodPointsOfSegment(segmentId: string): readonly FloodPoint[]
}

/** Great-circle distance, metres. */
export function distanceM(a: LonLat, b: LonLat): number {
  return distance(a, b, { units: 'meters' })
}

/** Places of every station and segment of the network, built once per network. */
export function indexPlaces(network: Network): Places {
  const points = new Map(network.floodPoints.map((p) => [p.id, p]))
  const stations = new Map<string, Place>()
  for (const s of network.stations) {
    stations.set(s.id, {
      location: s.location,
      district: s.district,
      name: s.name,
      ...(s.kind === 'street-flood-sensor'
        ? { floodPoint: points.get(s.floodPointId) as FloodPoint }
        : { gauge: true }),
    })
  }
  const segments = new Map<string, Place>()
  for (const g of network.segments) {
    const c = g.geometry.coordinates
    segments.set(g.id, {
      location: c[Math.floor(c.length / 2)] as LonLat,
      district: g.district,
      name: g.name,
      roadClass: g.roadClass,
      ends: [c[0] as LonLat, c[c.length - 1] as LonLat],
    })
  }
  const bySegment = new Map<string, FloodPoint[]>()
  for (const p of network.floodPoints)
    for (const id of p.segmentIds) bySegment.set(id, [...(bySegment.get(id) ?? []), p])
  return {
    of: (subject) =>
      (subject.type === 'station' ? stations.get(subject.id) : segments.get(subject.id)) ?? null,
    floodPointsOfSegment: (id) => bySegment.get(id) ?? [],
  }
}
