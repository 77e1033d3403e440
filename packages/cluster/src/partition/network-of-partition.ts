import type { Network } from '@ioc/domain'
import { partitionOf } from './partition-of'

/**
 * The part of the network whose readings one partition's owner judges: its stations and segments
 * (flood points are places, not subjects, and stay whole). A rules engine over it holds only the
 * partition's subjects: one per partition over the whole network would cost ~13 MB and 0.1 s each.
 */
export function networkOfPartition(network: Network, partition: number): Network {
  return {
    ...network,
    stations: network.stations.filter((s) => partitionOf(`station:${s.id}`) === partition),
    segments: network.segments.filter((s) => partitionOf(`segment:${s.id}`) === partition),
  }
}
