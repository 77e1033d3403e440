import type { AlertWrite } from '@ioc/alerts'
import type { Alert } from '@ioc/domain'
import type Database from 'better-sqlite3'
import type { AlertChange, AlertStore } from '../alert-store'
import {
  booksOfPartitions,
  CURSOR_START,
  checkpointOf,
  FencedOutError,
  foldedMeta,
  type PartitionCheckpoint,
  type PartitionClaim,
  type PartitionTurnCommit,
  type ReadTime,
} from '../partition-checkpoint'
import { type SilenceRow, toSilence } from '../rows/alert-rows'

type CheckpointCalls = Pick<AlertStore, 'claimPartitions' | 'persistPartitionTurns' | 'foldPartitionState'>

/**
 * The partition checkpoints of the SQLite store, on the store's connection (`writeAlert` is its alert
 * write). A single instance owns every partition, but the calls behave as on PostgreSQL, so the same
 * owner loop and contract run on both.
 */
export function sqlitePartitionCheckpoints(
  db: Database.Database,
  writeAlert: (w: AlertWrite) => AlertChange,
): CheckpointCalls {
  const s = {
    claim: db.prepare(
      `INSERT INTO partition_checkpoints (partition, token, stream_cursor, meta) VALUES (?, ?, ?, NULL)
       ON CONFLICT (partition) DO UPDATE SET token = excluded.token
       WHERE partition_checkpoints.token <= excluded.token
       RETURNING stream_cursor, meta, read_times`,
    ),
    token: db.prepare('SELECT token FROM partition_checkpoints WHERE partition = ?').pluck(),
    states: db.prepare('SELECT scope, id, doc FROM partition_state WHERE partition = ?'),
    live: db.prepare('SELECT doc, critical_since FROM alerts WHERE resolved_at IS NULL OR active = 1'),
    silences: db.prepare(
      'SELECT * FROM silences WHERE cancelled_at IS NULL AND until > ? ORDER BY created_at, id',
    ),
    move: db.prepare(
      `UPDATE partition_checkpoints SET stream_cursor = ?, meta = COALESCE(?, meta)
       WHERE partition = ? AND token = ? RETURNING read_times`,
    ),
    readTimes: db.prepare('UPDATE partition_checkpoints SET read_times = ? WHERE partition = ?'),
    metas: db.prepare('SELECT meta FROM partition_checkpoints WHERE meta IS NOT NULL').pluck(),
    ownMeta: db.prepare("SELECT doc FROM rules_state WHERE scope = 'meta'").pluck(),
    foldStates: db.prepare(
      `INSERT INTO rules_state (scope, id, doc) SELECT scope, id, doc FROM partition_state WHERE true
       ON CONFLICT (scope, id) DO UPDATE SET doc = excluded.doc`,
    ),
    foldMeta: db.prepare(
      `INSERT INTO rules_state (scope, id, doc) VALUES ('meta', '', ?)
       ON CONFLICT (scope, id) DO UPDATE SET doc = excluded.doc`,
    ),
    forgetStates: db.prepare('DELETE FROM partition_state'),
    forgetMetas: db.prepare('UPDATE partition_checkpoints SET meta = NULL, read_times = NULL'),
    upsertState: db.prepare(
      `INSERT INTO partition_state (partition, scope, id, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (partition, scope, id) DO UPDATE SET doc = excluded.doc`,
    ),
  }
  const latest = (partition: number) => (s.token.get(partition) as number | undefined) ?? null

  const claimTxn = db.transaction((claims: readonly PartitionClaim[], nowMs: number) => {
    const rows = new Map<
      number,
      { stream_cursor: string; meta: string | null; read_times: Record<string, ReadTime> | null }
    >()
    for (const { partition, token } of claims) {
      const row = s.claim.get(partition, token, CURSOR_START) as
        | { stream_cursor: string; meta: string | null; read_times: string | null }
        | undefined
      if (row) rows.set(partition, { ...row, read_times: row.read_times ? JSON.parse(row.read_times) : null })
    }
    if (!rows.size) return new Map<number, PartitionCheckpoint>()
    const entries = (s.live.all() as { doc: string; critical_since: number | null }[]).map((r) => ({
      alert: JSON.parse(r.doc) as Alert,
      criticalSince: r.critical_since,
    }))
    const silences = (s.silences.all(nowMs) as SilenceRow[]).map(toSilence)
    const books = booksOfPartitions(rows.keys(), entries, silences)
    const out = new Map<number, PartitionCheckpoint>()
    for (const [partition, row] of rows) {
      const states = s.states.all(partition) as { scope: string; id: string; doc: string }[]
      out.set(partition, checkpointOf(row, states, books.get(partition) ?? { entries: [], silences: [] }))
    }
    return out
  })

  const persistOne = ({ claim, cursor, turn }: PartitionTurnCommit): AlertChange[] | FencedOutError => {
    const meta = turn.state ? JSON.stringify(turn.state.meta) : null
    const moved = s.move.get(cursor, meta, claim.partition, claim.token) as
      | { read_times: string | null }
      | undefined
    if (!moved) return new FencedOutError(claim, latest(claim.partition))
    if (Object.keys(turn.readTimes).length) {
      const merged = { ...(moved.read_times ? JSON.parse(moved.read_times) : {}), ...turn.readTimes }
      s.readTimes.run(JSON.stringify(merged), claim.partition)
    }
    const changes = turn.writes.map(writeAlert)
    if (turn.state) {
      for (const [scope, byId] of [
        ['station', turn.state.stations],
        ['segment', turn.state.segments],
      ] as const) {
        for (const [id, st] of Object.entries(byId)) {
          s.upsertState.run(claim.partition, scope, id, JSON.stringify(st))
        }
      }
    }
    return changes
  }
  const persistTxn = db.transaction((commits: readonly PartitionTurnCommit[]) => commits.map(persistOne))

  const foldTxn = db.transaction(() => {
    const metas = s.metas.all() as string[]
    if (!metas.length) return 0
    const meta = foldedMeta([...metas, ...(s.ownMeta.all() as string[])].map((m) => JSON.parse(m)))
    s.foldStates.run()
    s.foldMeta.run(JSON.stringify(meta))
    s.forgetStates.run()
    s.forgetMetas.run()
    return metas.length
  })

  return {
    async foldPartitionState() {
      return foldTxn()
    },
    async claimPartitions(claims, nowMs) {
      return claimTxn(claims, nowMs)
    },
    async persistPartitionTurns(commits) {
      return persistTxn(commits)
    },
  }
}
