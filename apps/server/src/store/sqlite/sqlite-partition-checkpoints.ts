import type { AlertWrite } from '@ioc/alerts'
import type { Alert } from '@ioc/domain'
import type Database from 'better-sqlite3'
import type { AlertChange, AlertStore } from '../alert-store'
import { bookOfPartition, CURSOR_START, FencedOutError } from '../partition-checkpoint'
import { type SilenceRow, toSilence } from '../rows/alert-rows'

type CheckpointCalls = Pick<AlertStore, 'claimPartition' | 'persistPartitionTurn'>

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
       RETURNING stream_cursor, meta`,
    ),
    token: db.prepare('SELECT token FROM partition_checkpoints WHERE partition = ?').pluck(),
    states: db.prepare('SELECT scope, id, doc FROM partition_state WHERE partition = ?'),
    live: db.prepare('SELECT doc, critical_since FROM alerts WHERE resolved_at IS NULL OR active = 1'),
    silences: db.prepare(
      'SELECT * FROM silences WHERE cancelled_at IS NULL AND until > ? ORDER BY created_at, id',
    ),
    move: db.prepare(
      `UPDATE partition_checkpoints SET stream_cursor = ?, meta = COALESCE(?, meta)
       WHERE partition = ? AND token = ?`,
    ),
    upsertState: db.prepare(
      `INSERT INTO partition_state (partition, scope, id, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (partition, scope, id) DO UPDATE SET doc = excluded.doc`,
    ),
  }
  const latest = (partition: number) => (s.token.get(partition) as number | undefined) ?? null

  const claimTxn = db.transaction((partition: number, token: number, nowMs: number) => {
    const row = s.claim.get(partition, token, CURSOR_START) as
      | { stream_cursor: string; meta: string | null }
      | undefined
    if (!row) throw new FencedOutError({ partition, token }, latest(partition))
    let state: Record<string, unknown> | null = null
    if (row.meta !== null) {
      const stations: Record<string, unknown> = {}
      const segments: Record<string, unknown> = {}
      for (const r of s.states.all(partition) as { scope: string; id: string; doc: string }[]) {
        ;(r.scope === 'station' ? stations : segments)[r.id] = JSON.parse(r.doc)
      }
      state = { ...JSON.parse(row.meta), stations, segments }
    }
    const entries = (s.live.all() as { doc: string; critical_since: number | null }[]).map((r) => ({
      alert: JSON.parse(r.doc) as Alert,
      criticalSince: r.critical_since,
    }))
    const silences = (s.silences.all(nowMs) as SilenceRow[]).map(toSilence)
    return { cursor: row.stream_cursor, state, book: bookOfPartition(partition, entries, silences) }
  })

  const persistTxn = db.transaction(
    (...[claim, cursor, turn]: Parameters<CheckpointCalls['persistPartitionTurn']>) => {
      const meta = turn.state ? JSON.stringify(turn.state.meta) : null
      if (s.move.run(cursor, meta, claim.partition, claim.token).changes === 0) {
        throw new FencedOutError(claim, latest(claim.partition))
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
    },
  )

  return {
    async claimPartition({ partition, token }, nowMs) {
      return claimTxn(partition, token, nowMs)
    },
    async persistPartitionTurn(claim, cursor, turn) {
      return persistTxn(claim, cursor, turn)
    },
  }
}
