import type pg from 'pg'
import { NotPending, toWarning, type WarningRow, warningColumns } from '../rows/warning-rows'
import type { WarningStore } from '../warning-store'
import { inTransaction } from './pg-pool'

/** The public-warning part of the PostgreSQL store, over the table of migration 60. */
export function postgresWarnings(pool: pg.Pool): WarningStore {
  return {
    async addWarnings(add, supersede) {
      try {
        await inTransaction(pool, async (db) => {
          if (supersede.length) {
            const r = await db.query(
              `UPDATE public_warnings SET state = 'superseded', doc = jsonb_set(doc, '{state}', '"superseded"')
               WHERE id = ANY($1) AND state = 'pending'`,
              [supersede],
            )
            if (r.rowCount !== supersede.length) throw new NotPending()
          }
          for (const w of add) {
            const c = warningColumns(w)
            await db.query(
              `INSERT INTO public_warnings (id, alert_id, state, created_at, published_at, doc)
               VALUES ($1, $2, $3, $4, $5, $6)`,
              [c.id, c.alertId, c.state, c.createdAt, c.publishedAt, c.doc],
            )
          }
        })
        return true
      } catch (err) {
        const onePending = (err as { constraint?: string }).constraint === 'public_warnings_one_pending'
        if (err instanceof NotPending || onePending) return false
        throw err
      }
    },

    async getWarning(id) {
      const { rows } = await pool.query<WarningRow>(
        'SELECT doc::text AS doc FROM public_warnings WHERE id = $1',
        [id],
      )
      return rows[0] ? toWarning(rows[0]) : null
    },

    async listWarnings({ state, alertId, limit }) {
      const { rows } = await pool.query<WarningRow>(
        `SELECT doc::text AS doc FROM public_warnings
         WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR alert_id = $2)
         ORDER BY COALESCE(published_at, created_at) DESC, created_at DESC, id LIMIT $3`,
        [state ?? null, alertId ?? null, limit],
      )
      return rows.map(toWarning)
    },

    async decideWarning(next) {
      const c = warningColumns(next)
      const r = await pool.query(
        `UPDATE public_warnings SET state = $2, published_at = $3, doc = $4
         WHERE id = $1 AND state = 'pending'`,
        [c.id, c.state, c.publishedAt, c.doc],
      )
      return (r.rowCount ?? 0) > 0
    },
  }
}
