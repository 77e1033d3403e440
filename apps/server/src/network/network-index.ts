import type { Network, WaterStation } from '@ioc/domain'

/** Id → position lookups over a network; the positions are the indices deltas and GeoJSON feature ids use. */
export interface NetworkIndex {
  network: Network
  segmentIdx: ReadonlyMap<string, number>
  stationIdx: ReadonlyMap<string, number>
}

export function indexNetwork(network: Network): NetworkIndex {
  return {
    network,
    segmentIdx: new Map(network.segments.map((s, i) => [s.id, i])),
    stationIdx: new Map(network.stations.map((s, i) => [s.id, i])),
  }
}

export function stationById(index: NetworkIndex, id: string): WaterStation | undefined {
  const i = index.stationIdx.get(id)
  return i === undefined ? undefined : index.network.stations[i]
}
