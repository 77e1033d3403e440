import type { Network, WaterStation } from './network'

/**
 * Id → position lookups over a network; the positions are the indices deltas and GeoJSON feature ids
 * use (`networkToGeoJson`), so server, replay and client agree on them.
 */
export interface NetworkIndex {
  network: Network
  segmentIdx: ReadonlyMap<string, number>
  stationIdx: ReadonlyMap<string, number>
}

/** Each item's position in the list, by id. */
export function positionsById(items: readonly { id: string }[]): Map<string, number> {
  return new Map(items.map((item, i) => [item.id, i]))
}

export function indexNetwork(network: Network): NetworkIndex {
  return { network, segmentIdx: positionsById(network.segments), stationIdx: positionsById(network.stations) }
}

export function stationById(index: NetworkIndex, id: string): WaterStation | undefined {
  const i = index.stationIdx.get(id)
  return i === undefined ? undefined : index.network.stations[i]
}
