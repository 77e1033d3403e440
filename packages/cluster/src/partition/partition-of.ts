import { type AlertSubject, type Observation, subjectIdOf } from '@ioc/domain'
import { murmur3String } from '../hash/murmur3-32'

/**
 * How many partitions the rules engine is split into. Fixed: it is part of where every subject's state
 * lives, so changing it moves most subjects and needs every instance stopped (or a migration). 64 is a
 * few per instance for any cluster this city runs, so ownership can move in small pieces, and ~90 of the
 * network's 5,700 subjects each.
 */
export const PARTITION_COUNT = 64

/**
 * Each subject key's partition once hashed: every reading of a batch is hashed to hand it over (7 % of
 * an instance's CPU at 36,000 readings/s), and a city has a few thousand subjects. Bounded all the
 * same, in case keys come from elsewhere.
 */
const known = new Map<string, number>()
const KNOWN_MAX = 100_000

/**
 * The partition of a subject key (`station:phu-an`, `segment:seg-…`, the alerts' `subjectKey`):
 * MurmurHash3 x86_32, seed 0, of the key's UTF-8 bytes, modulo `PARTITION_COUNT`. The same in every
 * process, version and language (the hash is specified byte for byte, with published vectors: murmur3-32.test.ts).
 */
export function partitionOf(subjectKey: string): number {
  let p = known.get(subjectKey)
  if (p === undefined) {
    p = murmur3String(subjectKey) % PARTITION_COUNT
    if (known.size >= KNOWN_MAX) known.clear()
    known.set(subjectKey, p)
  }
  return p
}

/** The partition of an alert's (or a rule's) subject. */
export function partitionOfSubject(subject: AlertSubject): number {
  return partitionOf(`${subject.type}:${subject.id}`)
}

/** The partition whose owner judges `o`: a water reading's station, a traffic reading's segment. */
export function partitionOfObservation(o: Observation): number {
  return partitionOf(`${o.type === 'water' ? 'station' : 'segment'}:${subjectIdOf(o)}`)
}
