import type Database from 'better-sqlite3'
import type { CitizenPhoto, CitizenReportStore } from '../citizen-report-store'
import { type CitizenReportRow, citizenReportFilter, toCitizenReport } from '../rows/citizen-report-rows'

/** The citizen report part of the SQLite store, over the tables of migration 70. */
export function sqliteCitizenReports(db: Database.Database): CitizenReportStore {
  const insert = db.prepare(
    'INSERT INTO citizen_reports (code, status, created_at, doc) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  )
  const insertPhoto = db.prepare(
    'INSERT INTO citizen_report_photos (code, jpeg, width, height) VALUES (?, ?, ?, ?)',
  )
  const get = db.prepare('SELECT doc FROM citizen_reports WHERE code = ?')
  const getPhoto = db.prepare('SELECT jpeg, width, height FROM citizen_report_photos WHERE code = ?')
  const update = db.prepare('UPDATE citizen_reports SET status = ?, doc = ? WHERE code = ?')
  const create = db.transaction(
    (report: Parameters<CitizenReportStore['createCitizenReport']>[0], photo: CitizenPhoto | null) => {
      if (insert.run(report.code, report.status, report.createdAt, JSON.stringify(report)).changes === 0)
        return false
      if (photo) insertPhoto.run(report.code, photo.jpeg, photo.width, photo.height)
      return true
    },
  )

  return {
    async createCitizenReport(report, photo) {
      return create(report, photo)
    },

    async getCitizenReport(code) {
      const r = get.get(code) as CitizenReportRow | undefined
      return r ? toCitizenReport(r) : null
    },

    async getCitizenReportPhoto(code) {
      return (getPhoto.get(code) as CitizenPhoto | undefined) ?? null
    },

    async listCitizenReports(q) {
      const { where, values } = citizenReportFilter(q, () => '?')
      const rows = db
        .prepare(`SELECT doc FROM citizen_reports ${where} ORDER BY created_at DESC, code LIMIT ?`)
        .all(...values, q.limit) as CitizenReportRow[]
      return rows.map(toCitizenReport)
    },

    async updateCitizenReport(code, change) {
      return db.transaction(() => {
        const r = get.get(code) as CitizenReportRow | undefined
        if (!r) return { ok: false as const, error: 'not_found' as const }
        const c = change(toCitizenReport(r))
        if (!c.ok) return c
        update.run(c.value.status, JSON.stringify(c.value), code)
        return c
      })()
    },
  }
}
