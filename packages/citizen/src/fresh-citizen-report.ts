import type { CitizenReport } from '@ioc/domain'

export type CitizenReportBasics = Pick<
  CitizenReport,
  | 'code'
  | 'category'
  | 'depthCm'
  | 'depthLevel'
  | 'location'
  | 'district'
  | 'description'
  | 'hasPhoto'
  | 'via'
  | 'createdAt'
>

/** A report as just sent: `new`, unanswered, untouched by anyone. */
export function freshCitizenReport(r: CitizenReportBasics): CitizenReport {
  return {
    ...r,
    status: 'new',
    updatedAt: r.createdAt,
    answer: null,
    answeredBy: null,
    firstAnsweredAt: null,
    verifiedAt: null,
    verifiedBy: null,
    stationId: null,
    closedAt: null,
    closedBy: null,
    rejectReason: null,
    mergedInto: null,
  }
}
