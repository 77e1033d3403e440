import type { RulesStatePatch } from '@ioc/alerts'
import type { Alert } from '@ioc/domain'
import type pg from 'pg'
import type { AlertStore } from '../alert-store'
import {
  booksOfPartitions,
  CURSOR_START,
  checkpointOf,
  FencedOutError,
  foldedMeta,
  type PartitionCheckpoint,
  type ReadTime,
} from '../partition-checkpoint'
import { type SilenceRow, toSilence } from '../rows/alert-rows'
import { inTransaction } from './pg-pool'
import { writeAlerts } from './postgres-alert-writes'

type CheckpointCalls = Pick<AlertStore, 'claimPartitions' | 'persistPartitionTurn' | 'foldPartitionState'>

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
export function postgresPartitionCheckpoints(
  pool: pg.Pool,
  /** Takes the one engine's lifecycle lock in `db`'s transaction; resolves with the stored version. */
  lockLifecycle: (db: pg.ClientBase) => Promise<number>,
): CheckpointCalls {
  return {
    foldPartitionState() {
      return inTransaction(pool, async (db) => {
        const current = await lockLifecycle(db)
        const { rows } = await db.query<{ meta: string }>(
          'SELECT meta FROM partition_checkpoints WHERE meta IS NOT NULL FOR UPDATE',
        )
        if (!rows.length) return 0
        const version = current + 1
        const own = await db.query<{ doc: string }>("SELECT doc FROM rules_state WHERE scope = 'meta'")
        const meta = foldedMeta(
          [...rows, ...own.rows.map((r) => ({ meta: r.doc }))].map((r) => JSON.parse(r.meta)),
        )
        await db.query(
          `INSERT INTO rules_state (scope, id, doc, version)
           SELECT scope, id, doc, $1::bigint FROM partition_state
           UNION ALL SELECT 'meta', '', $2::text, $1::bigint
           ON CONFLICT (scope, id) DO UPDATE SET doc = excluded.doc, version = excluded.version`,
          [version, JSON.stringify(meta)],
        )
        await db.query('DELETE FROM partition_state')
        await db.query('UPDATE partition_checkpoints SET meta = NULL, read_times = NULL')
        await db.query('UPDATE rules_version SET version = $1', [version])
        return rows.length
      })
    },

    claimPartitions(claims, nowMs) {
      return inTransaction(pool, async (db) => {
        // In partition order, so two claimers lock rows in one order. The upsert locks each row, so a
        // turn of the previous owner still committing finishes first, and the reads below (statements
        // after it, READ COMMITTED) see what it wrote.
        const sorted = claims.toSorted((a, b) => a.partition - b.partition)
        const claimed = await db.query<{
          partition: number
          stream_cursor: string
          meta: string | null
          read_times: Record<string, ReadTime> | null
        }>(
          `INSERT INTO partition_checkpoints (partition, token, stream_cursor, meta)
           SELECT p, t, $3, NULL FROM unnest($1::smallint[], $2::bigint[]) AS c(p, t) ORDER BY p
           ON CONFLICT (partition) DO UPDATE SET token = excluded.token
           WHERE partition_checkpoints.token <= excluded.token
           RETURNING partition, stream_cursor, meta, read_times`,
          [sorted.map((c) => c.partition), sorted.map((c) => c.token), CURSOR_START],
        )
        const partitions = claimed.rows.map((r) => r.partition)
        if (!partitions.length) return new Map()
        const states = await db.query<{ partition: number; scope: string; id: string; doc: string }>(
          'SELECT partition, scope, id, doc FROM partition_state WHERE partition = ANY($1::smallint[])',
          [partitions],
        )
        // Open alerts and live silences are a city's queue, not its history: split here by the
        // subject's partition (the hash is not SQL) rather than kept in a column of their own.
        const alerts = await db.query<{ doc: Alert; critical_since: number | null }>(
          'SELECT doc, critical_since FROM alerts WHERE resolved_at IS NULL OR active',
        )
        const silences = await db.query<SilenceRow>(
          'SELECT * FROM silences WHERE cancelled_at IS NULL AND until > $1 ORDER BY created_at, id COLLATE "C"',
          [nowMs],
        )
        const books = booksOfPartitions(
          partitions,
          alerts.rows.map((r) => ({ alert: r.doc, criticalSince: r.critical_since })),
          silences.rows.map(toSilence),
        )
        const statesOf = new Map<number, typeof states.rows>()
        for (const r of states.rows) {
          const list = statesOf.get(r.partition)
          if (list) list.push(r)
          else statesOf.set(r.partition, [r])
        }
        const out = new Map<number, PartitionCheckpoint>()
        for (const row of claimed.rows) {
          const book = books.get(row.partition) ?? { entries: [], silences: [] }
          out.set(row.partition, checkpointOf(row, statesOf.get(row.partition) ?? [], book))
        }
        return out
      })
    },

    persistPartitionTurn(claim, cursor, turn) {
      return inTransaction(pool, async (db) => {
        // First, so a deposed owner learns it before writing anything, and holds the row to the commit.
        const moved = await db.query(
          `UPDATE partition_checkpoints SET stream_cursor = $3, meta = COALESCE($4, meta),
             read_times = CASE WHEN $5::jsonb = '{}' THEN read_times ELSE COALESCE(read_times, '{}') || $5::jsonb END
           WHERE partition = $1 AND token = $2`,
          [
            claim.partition,
            claim.token,
            cursor,
            turn.state ? JSON.stringify(turn.state.meta) : null,
            JSON.stringify(turn.readTimes),
          ],
        )
        if (moved.rowCount === 0) throw new FencedOutError(claim, await latestToken(db, claim.partition))
        const changes = await writeAlerts(db, turn.writes)
        if (turn.state) await savePartitionState(db, claim.partition, turn.state)
        return changes
      })
    },
  }
}
