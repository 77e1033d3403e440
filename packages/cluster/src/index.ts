export { assignPartitions, partitionsOf } from './assignment/assign-partitions'
export { murmur3String, murmur3x86_32 } from './hash/murmur3-32'
export { utf8Bytes } from './hash/utf8-bytes'
export {
  PARTITION_COUNT,
  partitionOf,
  partitionOfObservation,
  partitionOfSubject,
} from './partition/partition-of'
