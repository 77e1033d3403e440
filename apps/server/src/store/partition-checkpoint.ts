import type { BookContents, BookEntry } from '@ioc/alerts'
import { partitionOfSubject } from '@ioc/cluster'
import type { Silence } from '@ioc/domain'

/**
 * An owner's hold on one partition of the rules engine: the partition and the fencing token of its
 * lease (`PartitionOwnership.tokenOf`). Tokens grow from owner to owner, so the store can refuse the
 * writes of a deposed one (docs/scaling-out.md, "Fencing").
 */
export interface PartitionClaim {
  partition: number
  token: number
}

/** Where the owner of a partition resumes: what the partition's last committed turn left. */
export interface PartitionCheckpoint {
  /** Entry id of the last entry of the partition's stream whose effect is committed; `0-0` before any. */
  cursor: string
  /**
   * The engine state of the partition's subjects (a `RulesEngineState` document holding only them),
   * as its last turn wrote it; null before the partition's first turn with engine state.
   */
  state: Record<string, unknown> | null
  /** The alerts of the partition's subjects that the lifecycle may still change, and their live silences. */
  book: BookContents
}

/** The cursor of a partition no turn has committed yet: before every entry of a Redis stream. */
export const CURSOR_START = '0-0'

/**
 * Thrown, and nothing written, when a newer owner has claimed the partition: the caller's lease was
 * taken over (or its token is older than the partition's latest), so its work belongs to the new owner.
 */
export class FencedOutError extends Error {
  override name = 'FencedOutError'
  constructor(claim: PartitionClaim, latest: number | null) {
    super(
      `partition ${claim.partition} is held with token ${latest ?? 'unknown'}; token ${claim.token} is fenced out`,
    )
  }
}

/** The part of the whole alert book that concerns one partition's subjects. */
export function bookOfPartition(
  partition: number,
  entries: readonly BookEntry[],
  silences: readonly Silence[],
): BookContents {
  return {
    entries: entries.filter((e) => partitionOfSubject(e.alert.subject) === partition),
    silences: silences.filter((s) => partitionOfSubject(s.subject) === partition),
  }
}
