export { assignPartitions, partitionsOf } from './assignment/assign-partitions'
export { murmur3String } from './hash/murmur3-32'
export { networkOfPartition } from './partition/network-of-partition'
export {
  PARTITION_COUNT,
  partitionOf,
  partitionOfObservation,
  partitionOfSubject,
} from './partition/partition-of'
export { stateOfPartition } from './partition/state-of-partition'
