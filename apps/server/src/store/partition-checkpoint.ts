import type { BookContents, BookEntry, Turn } from '@ioc/alerts'
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

/** Each claimed partition's part of the whole alert book: the alerts and silences of its subjects. */
export function booksOfPartitions(
  partitions: Iterable<number>,
  entries: readonly BookEntry[],
  silences: readonly Silence[],
): Map<number, BookContents> {
  const books = new Map<number, { entries: BookEntry[]; silences: Silence[] }>()
  for (const p of partitions) books.set(p, { entries: [], silences: [] })
  for (const e of entries) books.get(partitionOfSubject(e.alert.subject))?.entries.push(e)
  for (const x of silences) books.get(partitionOfSubject(x.subject))?.silences.push(x)
  return books
}

/** When a segment was last judged, and from which sources (the engine's duplicate check). */
export interface ReadTime {
  lastAtMs: number | null
  lastSources?: string[]
}

/**
 * A partition owner's turn as stored: its alert writes and engine state, where a segment's state is
 * there only when it changed apart from its read time, and the read times of every segment the turn
 * touched, which always move with the cursor.
 */
export type PartitionTurn = Pick<Turn, 'writes' | 'state'> & { readTimes: Record<string, ReadTime> }

/** A partition's turn to store: the claim its owner holds it by and the stream entry it reaches. */
export interface PartitionTurnCommit {
  claim: PartitionClaim
  cursor: string
  turn: PartitionTurn
}

/**
 * A partition's checkpoint from its row and its subjects' state rows (`meta` null: never stepped). A
 * segment's read time comes from `read_times`, which every turn moves, over its state row, written only
 * when its congestion state changed (a segment never written is its read time alone).
 */
export function checkpointOf(
  row: { stream_cursor: string; meta: string | null; read_times: Record<string, ReadTime> | null },
  states: readonly { scope: string; id: string; doc: string }[],
  book: BookContents,
): PartitionCheckpoint {
  if (row.meta === null) return { cursor: row.stream_cursor, state: null, book }
  const stations: Record<string, unknown> = {}
  const segments: Record<string, unknown> = {}
  for (const r of states) (r.scope === 'station' ? stations : segments)[r.id] = JSON.parse(r.doc)
  for (const [id, read] of Object.entries(row.read_times ?? {})) {
    const { lastSources: _older, ...kept } = (segments[id] ?? {}) as { lastSources?: string[] }
    segments[id] = { ...kept, ...read }
  }
  return { cursor: row.stream_cursor, state: { ...JSON.parse(row.meta), stations, segments }, book }
}

/**
 * The engine-wide fields of the one engine's state after partitions ran it (`foldPartitionState`):
 * every partition's and the one engine's agree on the state's version and network, and the silence
 * baseline (the first tick's clock) is the earliest any of them started counting from.
 */
export function foldedMeta(metas: readonly Record<string, unknown>[]): Record<string, unknown> | null {
  const [first] = metas
  if (!first) return null
  const baselines = metas.map((m) => m.silenceBaselineMs).filter((b): b is number => typeof b === 'number')
  return { ...first, silenceBaselineMs: baselines.length ? Math.min(...baselines) : null }
}
