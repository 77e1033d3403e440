import type { ReadingsQuery } from '@ioc/sensorthings'
import type Database from 'better-sqlite3'
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
import { pendingIndexRun } from './sqlite-observations'

type Where = Omit<ReadingsQuery, 'order' | 'offset' | 'limit'>

/**
 * The open-data reads of the SQLite store. Readings of named subjects come from the subject index
 * (subject_readings, one seek per subject; flow and occupancy joined back to their traffic row by key);
 * readings of every subject from the time-first tables, which a time range narrows.
 */
export function sqliteOpenData(db: Database.Database): OpenDataStore {
  const indexPending = pendingIndexRun(db)
  const statements = new Map<string, Database.Statement>()
  const prepared = (sql: string) => {
    let s = statements.get(sql)
    if (!s) {
      s = db.prepare(sql)
      // Bounded: the SQL varies only with the shape of a query (arms, bounds, order), not its values.
      if (statements.size < 500) statements.set(sql, s)
    }
    return s
  }

  /**
   * The arms of a query joined by UNION ALL. With `top`, each arm is sorted and cut to the first `top`
   * rows on its own: time-ordered, an arm over every subject then walks its time-first primary key and
   * stops, where a sort of the whole union read every stored row (0.7 s per million readings).
   */
  function union(q: Where, top?: { order: string; n: number }): { sql: string; params: unknown[] } {
    const arms = readingArms(q.series)
    if (arms.some((a) => a.subjects)) indexPending()
    const params: unknown[] = []
    const selects = arms.map((arm) => {
      const sql = armSql(arm, q, params)
      if (!top) return sql
      params.push(top.n)
      return `SELECT * FROM (SELECT * FROM (${sql}) ORDER BY ${top.order} LIMIT ?)`
    })
    return { sql: selects.join(' UNION ALL '), params }
  }

  return {
    async readings(q) {
      const order = readingOrder(q.order)
      const { sql, params } = union(q, { order, n: q.offset + q.limit })
      const rows = prepared(`SELECT * FROM (${sql}) ORDER BY ${order} LIMIT ? OFFSET ?`).all(
        ...params,
        q.limit,
        q.offset,
      ) as ReadingRow[]
      return rows.map(readingFromRow)
    },
    async countReadings(q) {
      const { sql, params } = union(q)
      return prepared(`SELECT COUNT(*) FROM (${sql})`)
        .pluck()
        .get(...params) as number
    },
  }
}

function armSql(arm: ReadingArm, q: Where, params: unknown[]): string {
  const table = arm.type
  const where: string[] = []
  let from: string
  let value: string
  let time: string
  let field = `'${arm.field}'`
  if (arm.field === 'any') {
    // CROSS JOIN keeps the traffic table outermost, read in its time-first key order.
    const fields = TRAFFIC_FIELDS.map((f) => `SELECT '${f}' AS f`).join(' UNION ALL ')
    from = `traffic x CROSS JOIN (${fields}) k JOIN subjects s ON s.id = x.subject JOIN sources src ON src.id = x.source`
    value = trafficValue('k.f')
    time = 'x.observed_at'
    field = 'k.f'
  } else if (arm.subjects) {
    const column = FIELD_COLUMN[arm.field]
    // The subject index holds the charted value (speed, level); other fields are read from the row.
    const charted = arm.field === 'speed' || arm.field === 'level'
    from = `subject_readings r JOIN subjects s ON s.id = r.subject JOIN sources src ON src.id = r.source${
      charted
        ? ''
        : ` JOIN ${table} x ON x.observed_at = r.observed_at AND x.subject = r.subject AND x.source = r.source`
    }`
    value = charted ? 'r.value' : `x.${column}`
    time = 'r.observed_at'
    where.push(`s.type = '${table}'`, `s.name IN (${arm.subjects.map(() => '?').join(', ')})`)
    params.push(...arm.subjects)
  } else {
    from = `${table} x JOIN subjects s ON s.id = x.subject JOIN sources src ON src.id = x.source`
    value = `x.${FIELD_COLUMN[arm.field]}`
    time = 'x.observed_at'
  }
  where.push(`${value} IS NOT NULL`)
  const { fromMs, toMs, min, max } = q.bounds
  if (fromMs !== null) where.push(`${time} >= ?`) && params.push(fromMs)
  if (toMs !== null) where.push(`${time} < ?`) && params.push(toMs)
  if (min) where.push(`${value} ${min.inclusive ? '>=' : '>'} ?`) && params.push(min.value)
  if (max) where.push(`${value} ${max.inclusive ? '<=' : '<'} ?`) && params.push(max.value)
  return `SELECT ${time} AS t, '${arm.type}' AS type, s.name AS subject, ${field} AS field,
    src.name AS source, ${value} AS v FROM ${from} WHERE ${where.join(' AND ')}`
}
