import { partitionOf } from './partition-of'

/** The shape of a rules-engine state document that matters here: per-subject memories by id. */
interface SubjectStates {
  stations: Record<string, unknown>
  segments: Record<string, unknown>
}

/**
 * The part of a whole engine's state that one partition's owner starts from: the engine-wide fields
 * as they are, the stations and segments of the partition only. A deployment that ran one engine
 * (one instance) before its instances were partitioned hands each partition its share this way.
 */
export function stateOfPartition<S extends SubjectStates>(state: S, partition: number): S {
  const mine = (scope: 'station' | 'segment', byId: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(byId).filter(([id]) => partitionOf(`${scope}:${id}`) === partition))
  return { ...state, stations: mine('station', state.stations), segments: mine('segment', state.segments) }
}
