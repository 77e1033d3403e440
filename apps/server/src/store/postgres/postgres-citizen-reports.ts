import type pg from 'pg'
import type { CitizenPhoto, CitizenReportStore } from '../citizen-report-store'
import { type CitizenReportRow, citizenReportFilter, toCitizenReport } from '../rows/citizen-report-rows'
import { inTransaction } from './pg-pool'

/** The citizen report part of the PostgreSQL store, over the tables of migration 70. */
export function postgresCitizenReports(pool: pg.Pool): CitizenReportStore {
  return {
    createCitizenReport(report, photo) {
      return inTransaction(pool, async (db) => {
        const r = await db.query(
          'INSERT INTO citizen_reports (code, status, created_at, doc) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [report.code, report.status, report.createdAt, JSON.stringify(report)],
        )
        if (r.rowCount === 0) return false
        if (photo)
          await db.query(
            'INSERT INTO citizen_report_photos (code, jpeg, width, height) VALUES ($1, $2, $3, $4)',
            [report.code, photo.jpeg, photo.width, photo.height],
          )
        return true
      })
    },

    async getCitizenReport(code) {
      const { rows } = await pool.query<CitizenReportRow>('SELECT doc FROM citizen_reports WHERE code = $1', [
        code,
      ])
      return rows[0] ? toCitizenReport(rows[0]) : null
    },

    async getCitizenReportPhoto(code) {
      const { rows } = await pool.query<CitizenPhoto>(
        'SELECT jpeg, width, height FROM citizen_report_photos WHERE code = $1',
        [code],
      )
      return rows[0] ?? null
    },

    async listCitizenReports(q) {
      const { where, values } = citizenReportFilter(q, (i) => `$${i}`)
      const { rows } = await pool.query<CitizenReportRow>(
        `SELECT doc FROM citizen_reports ${where} ORDER BY created_at DESC, code LIMIT $${values.length + 1}`,
        [...values, q.limit],
      )
      return rows.map(toCitizenReport)
    },

    updateCitizenReport(code, change) {
      return inTransaction(pool, async (db) => {
        const { rows } = await db.query<CitizenReportRow>(
          'SELECT doc FROM citizen_reports WHERE code = $1 FOR UPDATE',
          [code],
        )
        if (!rows[0]) return { ok: false as const, error: 'not_found' as const }
        const c = change(toCitizenReport(rows[0]))
        if (!c.ok) return c
        await db.query('UPDATE citizen_reports SET status = $2, doc = $3 WHERE code = $1', [
          code,
          c.value.status,
          JSON.stringify(c.value),
        ])
        return c
      })
    },
  }
}
