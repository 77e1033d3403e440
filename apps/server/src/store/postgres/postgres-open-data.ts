import type { ReadingsQuery } from '@ioc/sensorthings'
import type pg from 'pg'
import type { OpenDataStore } from '../open-data-store'
import {
  FIELD_COLUMN,
  type ReadingArm,
  type ReadingRow,
  readingArms,
  readingFromRow,
  readingOrder,
} from '../rows/reading-rows'

type Where = Omit<ReadingsQuery, 'order' | 'offset' | 'limit'>

/**
 * The open-data reads of the PostgreSQL store: the primary keys (subject, observed_at, source) serve
 * named subjects, the time indexes a time range over all of them.
 */
export function postgresOpenData(pool: pg.Pool): OpenDataStore {
  function union(q: Where): { sql: string; params: unknown[] } {
    const params: unknown[] = []
    const selects = readingArms(q.series).map((arm) => armSql(arm, q, params))
    return { sql: selects.join(' UNION ALL '), params }
  }
  return {
    async readings(q) {
      const { sql, params } = union(q)
      const n = params.length
      const { rows } = await pool.query<ReadingRow>(
        `SELECT * FROM (${sql}) u ORDER BY ${readingOrder(q.order)} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, q.limit, q.offset],
      )
      return rows.map(readingFromRow)
    },
    async countReadings(q) {
      const { sql, params } = union(q)
      const { rows } = await pool.query<{ n: number }>(`SELECT COUNT(*) AS n FROM (${sql}) u`, params)
      return rows[0]?.n ?? 0
    },
  }
}

function armSql(arm: ReadingArm, q: Where, params: unknown[]): string {
  const value = FIELD_COLUMN[arm.field]
  const p = (v: unknown) => {
    params.push(v)
    return `$${params.length}`
  }
  const where = [`${value} IS NOT NULL`]
  if (arm.subjects) where.push(`subject = ANY(${p(arm.subjects)}::text[])`)
  const { fromMs, toMs, min, max } = q.bounds
  if (fromMs !== null) where.push(`observed_at >= ${p(fromMs)}`)
  if (toMs !== null) where.push(`observed_at < ${p(toMs)}`)
  if (min) where.push(`${value} ${min.inclusive ? '>=' : '>'} ${p(min.value)}`)
  if (max) where.push(`${value} ${max.inclusive ? '<=' : '<'} ${p(max.value)}`)
  // Constants typed as "C"-collated text, so the union sorts them byte-wise like SQLite.
  return `SELECT observed_at AS t, '${arm.type}'::text COLLATE "C" AS type, subject,
    '${arm.field}'::text COLLATE "C" AS field, source, ${value} AS v FROM ${arm.type} WHERE ${where.join(' AND ')}`
}
