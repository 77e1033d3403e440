import { type CitizenReport, CLOSED_CITIZEN_STATUSES, type PublicCitizenReport } from '@ioc/domain'

const coarse = (deg: number) => Math.round(deg * 100) / 100

/**
 * What anyone may see of a report: category, status, answer, district and a place rounded to ~1 km;
 * never the text, photo or exact spot. A merged report shows the status and answer of the one it
 * was merged into (`primary`), so its sender still learns the outcome.
 */
export function toPublicCitizenReport(r: CitizenReport, primary?: CitizenReport | null): PublicCitizenReport {
  const shown = r.status === 'merged' && primary ? primary : r
  return {
    code: r.code,
    category: r.category,
    status: shown.status,
    open311Status: CLOSED_CITIZEN_STATUSES.includes(shown.status) ? 'closed' : 'open',
    answer: shown.answer,
    district: r.district,
    coarseLocation: [coarse(r.location[0]), coarse(r.location[1])],
    createdAt: r.createdAt,
    updatedAt: Math.max(r.updatedAt, shown.updatedAt),
    mergedInto: r.mergedInto,
  }
}
