import type { RulesStatePatch } from '@ioc/alerts'
import type { Alert } from '@ioc/domain'
import type pg from 'pg'
import type { AlertChange, AlertStore } from '../alert-store'
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

type CheckpointCalls = Pick<AlertStore, 'claimPartitions' | 'persistPartitionTurns' | 'foldPartitionState'>

async function latestToken(db: pg.ClientBase, partition: number): Promise<number | null> {
  const { rows } = await db.query<{ token: number }>(
    'SELECT token FROM partition_checkpoints WHERE partition = $1',
    [partition],
  )
  return rows[0]?.token ?? null
}

/** The engine state rows of turns, every partition's in one statement. */
async function savePartitionStates(db: pg.ClientBase, states: readonly [number, RulesStatePatch][]) {
  const partitions: number[] = []
  const scopes: string[] = []
  const ids: string[] = []
  const docs: string[] = []
  for (const [partition, state] of states)
    for (const [scope, byId] of [
      ['station', state.stations],
      ['segment', state.segments],
    ] as const) {
      for (const [id, st] of Object.entries(byId)) {
        partitions.push(partition)
        scopes.push(scope)
        ids.push(id)
        docs.push(JSON.stringify(st))
      }
    }
  if (!ids.length) return
  await db.query(
    `INSERT INTO partition_state (partition, scope, id, doc)
     SELECT * FROM unnest($1::smallint[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (partition, scope, id) DO UPDATE SET doc = excluded.doc`,
    [partitions, scopes, ids, docs],
  )
}

// Moves the checkpoints whose claim holds; a read-time map of {} leaves the stored one as it is.
const MOVE_CHECKPOINTS = `
  UPDATE partition_checkpoints c SET stream_cursor = u.cursor, meta = COALESCE(u.meta, c.meta),
    read_times = CASE WHEN u.read_times = '{}'::jsonb THEN c.read_times
      ELSE COALESCE(c.read_times, '{}') || u.read_times END
  FROM unnest($1::smallint[], $2::bigint[], $3::text[], $4::text[], $5::jsonb[])
    AS u(partition, token, cursor, meta, read_times)
  WHERE c.partition = u.partition AND c.token = u.token
  RETURNING c.partition`

/**
 * The partition checkpoints of the PostgreSQL store. The only locks a commit of turns takes are its
 * partitions' checkpoint rows: owners of different partitions commit side by side, and of two owners
 * of one partition (a deposed one still finishing) the one whose token is not the row's writes nothing.
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

    async persistPartitionTurns(commits) {
      if (!commits.length) return []
      return inTransaction(pool, async (db) => {
        const partitions = commits.map((c) => c.claim.partition)
        // In partition order, as a claim locks them, so a commit and a claim never wait on each other
        // in a circle; first, so a deposed owner learns it before writing anything.
        await db.query(
          'SELECT 1 FROM partition_checkpoints WHERE partition = ANY($1::smallint[]) ORDER BY partition FOR UPDATE',
          [partitions],
        )
        const moved = await db.query<{ partition: number }>(MOVE_CHECKPOINTS, [
          partitions,
          commits.map((c) => c.claim.token),
          commits.map((c) => c.cursor),
          commits.map(({ turn }) => (turn.state ? JSON.stringify(turn.state.meta) : null)),
          commits.map(({ turn }) => JSON.stringify(turn.readTimes)),
        ])
        const held = new Set(moved.rows.map((r) => r.partition))
        const kept = commits.filter((c) => held.has(c.claim.partition))
        const changes = await writeAlerts(
          db,
          kept.flatMap((c) => c.turn.writes),
        )
        await savePartitionStates(
          db,
          kept.flatMap(({ claim, turn }) => (turn.state ? [[claim.partition, turn.state] as const] : [])),
        )
        // writeAlerts answers in write order: each kept turn's changes are the next of its writes' count.
        const outcomes: (AlertChange[] | FencedOutError)[] = []
        let next = 0
        for (const c of commits) {
          if (held.has(c.claim.partition)) {
            outcomes.push(changes.slice(next, next + c.turn.writes.length))
            next += c.turn.writes.length
          } else outcomes.push(new FencedOutError(c.claim, await latestToken(db, c.claim.partition)))
        }
        return outcomes
      })
    },
  }
}
