import type Database from 'better-sqlite3'
import { NotPending, toWarning, type WarningRow, warningColumns } from '../rows/warning-rows'
import type { WarningStore } from '../warning-store'

/** The public-warning part of the SQLite store, over the table of migration 60. */
export function sqliteWarnings(db: Database.Database): WarningStore {
  const insert = db.prepare(
    `INSERT INTO public_warnings (id, alert_id, state, created_at, published_at, doc)
     VALUES (@id, @alertId, @state, @createdAt, @publishedAt, @doc)`,
  )
  const supersede = db.prepare(
    `UPDATE public_warnings SET state = 'superseded',
       doc = json_set(doc, '$.state', 'superseded') WHERE id = ? AND state = 'pending'`,
  )
  const decide = db.prepare(
    `UPDATE public_warnings SET state = @state, published_at = @publishedAt, doc = @doc
     WHERE id = @id AND state = 'pending'`,
  )
  const get = db.prepare('SELECT doc FROM public_warnings WHERE id = ?')
  const add = db.transaction(
    (add: readonly Parameters<typeof warningColumns>[0][], ids: readonly string[]) => {
      for (const id of ids) if (supersede.run(id).changes === 0) throw new NotPending()
      for (const w of add) insert.run(warningColumns(w))
    },
  )

  return {
    async addWarnings(warnings, ids) {
      try {
        add(warnings, ids)
        return true
      } catch (err) {
        if (err instanceof NotPending || isOnePendingViolation(err)) return false
        throw err
      }
    },

    async getWarning(id) {
      const r = get.get(id) as WarningRow | undefined
      return r ? toWarning(r) : null
    },

    async listWarnings({ state, alertId, limit }) {
      const where = [state && 'state = @state', alertId && 'alert_id = @alertId'].filter(Boolean)
      const rows = db
        .prepare(
          `SELECT doc FROM public_warnings ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY COALESCE(published_at, created_at) DESC, created_at DESC, id LIMIT @limit`,
        )
        .all({ state, alertId, limit }) as WarningRow[]
      return rows.map(toWarning)
    },

    async decideWarning(next) {
      return decide.run(warningColumns(next)).changes > 0
    },
  }
}

const isOnePendingViolation = (err: unknown) =>
  (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
  String((err as Error).message).includes('public_warnings.alert_id')
