import type { RulesStatePatch } from '@ioc/alerts'
import type { Alert } from '@ioc/domain'
import type pg from 'pg'
import type { AlertChange, AlertStore } from '../alert-store'
import { bookOfPartition, CURSOR_START, FencedOutError } from '../partition-checkpoint'
import { type SilenceRow, toSilence } from '../rows/alert-rows'
import { inTransaction } from './pg-pool'
import { writeAlert } from './postgres-alert-writes'

type CheckpointCalls = Pick<AlertStore, 'claimPartition' | 'persistPartitionTurn'>

async function latestToken(db: pg.ClientBase, partition: number): Promise<number | null> {
  const { rows } = await db.query<{ token: number }>(
    'SELECT token FROM partition_checkpoints WHERE partition = $1',
    [partition],
  )
  return rows[0]?.token ?? null
}

async function savePartitionState(db: pg.ClientBase, partition: number, state: RulesStatePatch) {
  const scopes: string[] = []
  const ids: string[] = []
  const docs: string[] = []
  for (const [scope, byId] of [
    ['station', state.stations],
    ['segment', state.segments],
  ] as const) {
    for (const [id, st] of Object.entries(byId)) {
      scopes.push(scope)
      ids.push(id)
      docs.push(JSON.stringify(st))
    }
  }
  if (!ids.length) return
  await db.query(
    `INSERT INTO partition_state (partition, scope, id, doc)
     SELECT $1, s, i, d FROM unnest($2::text[], $3::text[], $4::text[]) AS u(s, i, d)
     ON CONFLICT (partition, scope, id) DO UPDATE SET doc = excluded.doc`,
    [partition, scopes, ids, docs],
  )
}

/**
 * The partition checkpoints of the PostgreSQL store. The only lock a turn takes is its partition's
 * checkpoint row: owners of different partitions commit side by side, and of two owners of one
 * partition (a deposed one still finishing) the one whose token is not the row's writes nothing.
 */
export function postgresPartitionCheckpoints(pool: pg.Pool): CheckpointCalls {
  return {
    claimPartition({ partition, token }, nowMs) {
      return inTransaction(pool, async (db) => {
        // The upsert locks the row, so a turn of the previous owner still committing finishes first,
        // and the reads below (statements after it, READ COMMITTED) see what it wrote.
        const claimed = await db.query<{ stream_cursor: string; meta: string | null }>(
          `INSERT INTO partition_checkpoints (partition, token, stream_cursor, meta) VALUES ($1, $2, $3, NULL)
           ON CONFLICT (partition) DO UPDATE SET token = excluded.token
           WHERE partition_checkpoints.token <= excluded.token
           RETURNING stream_cursor, meta`,
          [partition, token, CURSOR_START],
        )
        const row = claimed.rows[0]
        if (!row) throw new FencedOutError({ partition, token }, await latestToken(db, partition))
        const states = await db.query<{ scope: string; id: string; doc: string }>(
          'SELECT scope, id, doc FROM partition_state WHERE partition = $1',
          [partition],
        )
        // Open alerts and live silences are a city's queue, not its history: filtered here by the
        // subject's partition (the hash is not SQL) rather than kept in a column of their own.
        const alerts = await db.query<{ doc: Alert; critical_since: number | null }>(
          'SELECT doc, critical_since FROM alerts WHERE resolved_at IS NULL OR active',
        )
        const silences = await db.query<SilenceRow>(
          'SELECT * FROM silences WHERE cancelled_at IS NULL AND until > $1 ORDER BY created_at, id COLLATE "C"',
          [nowMs],
        )
        let state: Record<string, unknown> | null = null
        if (row.meta !== null) {
          const stations: Record<string, unknown> = {}
          const segments: Record<string, unknown> = {}
          for (const r of states.rows) (r.scope === 'station' ? stations : segments)[r.id] = JSON.parse(r.doc)
          state = { ...JSON.parse(row.meta), stations, segments }
        }
        return {
          cursor: row.stream_cursor,
          state,
          book: bookOfPartition(
            partition,
            alerts.rows.map((r) => ({ alert: r.doc, criticalSince: r.critical_since })),
            silences.rows.map(toSilence),
          ),
        }
      })
    },

    persistPartitionTurn(claim, cursor, turn) {
      return inTransaction(pool, async (db) => {
        // First, so a deposed owner learns it before writing anything, and holds the row to the commit.
        const moved = await db.query(
          `UPDATE partition_checkpoints SET stream_cursor = $3, meta = COALESCE($4, meta)
           WHERE partition = $1 AND token = $2`,
          [claim.partition, claim.token, cursor, turn.state ? JSON.stringify(turn.state.meta) : null],
        )
        if (moved.rowCount === 0) throw new FencedOutError(claim, await latestToken(db, claim.partition))
        const changes: AlertChange[] = []
        for (const w of turn.writes) changes.push(await writeAlert(db, w))
        if (turn.state) await savePartitionState(db, claim.partition, turn.state)
        return changes
      })
    },
  }
}
