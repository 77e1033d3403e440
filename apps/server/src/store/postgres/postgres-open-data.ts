import type { ReadingsQuery, SeriesField } from '@ioc/sensorthings'
import type pg from 'pg'
import type { OpenDataStore } from '../open-data-store'
import {
  FIELD_COLUMN,
  type ReadingArm,
  type ReadingRow,
  readingArms,
  readingFromRow,
  readingOrder,
  TRAFFIC_FIELDS,
  trafficValue,
} from '../rows/reading-rows'

type Where = Omit<ReadingsQuery, 'order' | 'offset' | 'limit'>

/**
 * The open-data reads of the PostgreSQL store: the primary keys (subject, observed_at, source) serve
 * named subjects, the time indexes a time range over all of them.
 */
export function postgresOpenData(pool: pg.Pool): OpenDataStore {
  /** The arms joined by UNION ALL; with `top`, each sorted and cut on its own, as in the SQLite store. */
  function union(q: Where, top?: { order: string; n: number }): { sql: string; params: unknown[] } {
    const params: unknown[] = []
    const selects = readingArms(q.series).map((arm) => {
      const sql = armSql(arm, q, params)
      if (!top) return sql
      params.push(top.n)
      return `(SELECT * FROM (${sql}) a ORDER BY ${top.order} LIMIT $${params.length})`
    })
    return { sql: selects.join(' UNION ALL '), params }
  }
  return {
    async readings(q) {
      const order = readingOrder(q.order)
      const { sql, params } = union(q, { order, n: q.offset + q.limit })
      const n = params.length
      const { rows } = await pool.query<ReadingRow>(
        `SELECT * FROM (${sql}) u ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
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
  const p = (v: unknown) => {
    params.push(v)
    return `$${params.length}`
  }
  const any = arm.field === 'any'
  const value = any ? trafficValue('k.f') : `x.${FIELD_COLUMN[arm.field as SeriesField]}`
  const where = [`${value} IS NOT NULL`]
  if (arm.subjects) where.push(`x.subject = ANY(${p(arm.subjects)}::text[])`)
  const { fromMs, toMs, min, max } = q.bounds
  if (fromMs !== null) where.push(`x.observed_at >= ${p(fromMs)}`)
  if (toMs !== null) where.push(`x.observed_at < ${p(toMs)}`)
  if (min) where.push(`${value} ${min.inclusive ? '>=' : '>'} ${p(min.value)}`)
  if (max) where.push(`${value} ${max.inclusive ? '<=' : '<'} ${p(max.value)}`)
  const from = any
    ? `traffic x CROSS JOIN (VALUES ${TRAFFIC_FIELDS.map((f) => `('${f}')`).join(', ')}) k(f)`
    : `${arm.type} x`
  // Constants typed as "C"-collated text, so the union sorts them byte-wise like SQLite.
  return `SELECT x.observed_at AS t, '${arm.type}'::text COLLATE "C" AS type, x.subject AS subject,
    ${any ? 'k.f' : `'${arm.field}'`}::text COLLATE "C" AS field, x.source AS source, ${value} AS v
    FROM ${from} WHERE ${where.join(' AND ')}`
}
