import type { RulesStatePatch, Turn } from '@ioc/alerts'
import type { PartitionTurn, ReadTime } from '../store/partition-checkpoint'

/** A segment's state without its read time: what changes only when its congestion state does. */
export function segmentRestOf(doc: unknown): string {
  const { lastAtMs: _at, lastSources: _sources, ...rest } = doc as Record<string, unknown>
  return JSON.stringify(rest)
}

/**
 * A turn as a partition stores it: every touched segment's read time, and its state only where it
 * changed apart from that (`written` holds each segment's state as last stored, without read time),
 * so a city of readings that change nothing rewrites one row per partition instead of a row per
 * segment. `seed`, the state a partition started from that no turn has stored yet, goes with it whole.
 * Returns the turn and the segments' states it stores, for `written` once it commits.
 */
export function partitionTurnOf(
  step: Pick<Turn, 'writes' | 'state'>,
  written: ReadonlyMap<string, string>,
  seed: RulesStatePatch | null,
): { turn: PartitionTurn; stores: Map<string, string> } {
  const stores = new Map<string, string>()
  const readTimes: Record<string, ReadTime> = {}
  if (!step.state && !seed) return { turn: { ...step, readTimes }, stores }
  const state = step.state ?? { meta: seed?.meta ?? {}, stations: {}, segments: {} }
  const segments: Record<string, unknown> = {}
  for (const [id, doc] of Object.entries(seed?.segments ?? {})) {
    segments[id] = doc
    stores.set(id, segmentRestOf(doc))
  }
  for (const [id, doc] of Object.entries(state.segments)) {
    const { lastAtMs, lastSources } = doc as ReadTime
    readTimes[id] = lastSources ? { lastAtMs, lastSources } : { lastAtMs }
    const rest = segmentRestOf(doc)
    if (written.get(id) === rest && !stores.has(id)) continue
    segments[id] = doc
    stores.set(id, rest)
  }
  return {
    turn: {
      writes: step.writes,
      state: { ...state, stations: { ...seed?.stations, ...state.stations }, segments },
      readTimes,
    },
    stores,
  }
}
