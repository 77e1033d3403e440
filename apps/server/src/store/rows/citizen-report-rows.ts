import { CitizenReport } from '@ioc/domain'
import type { CitizenReportQuery } from '../citizen-report-store'

/**
 * A report is one JSON document beside the columns that are queried (status, created_at): its shape is
 * the domain schema's, parsed on the way out so a row written by an older server still reads right.
 */
export interface CitizenReportRow {
  doc: string | object
}

export const toCitizenReport = (r: CitizenReportRow): CitizenReport =>
  CitizenReport.parse(typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc)

/** The WHERE clause of a list query with `?` or `$n` placeholders, and its values. */
export function citizenReportFilter(
  q: CitizenReportQuery,
  placeholder: (i: number) => string,
): { where: string; values: unknown[] } {
  const parts: string[] = []
  const values: unknown[] = []
  const bind = (v: unknown) => {
    values.push(v)
    return placeholder(values.length)
  }
  if (q.statuses) {
    // No status at all matches nothing: IN ('') keeps the SQL valid.
    const statuses = q.statuses.length ? q.statuses : ['']
    parts.push(`status IN (${statuses.map(bind).join(', ')})`)
  }
  if (q.fromMs !== undefined) parts.push(`created_at >= ${bind(q.fromMs)}`)
  if (q.toMs !== undefined) parts.push(`created_at < ${bind(q.toMs)}`)
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', values }
}
