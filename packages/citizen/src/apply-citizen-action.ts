import {
  type CitizenReport,
  type CitizenReportAction,
  type CitizenReportStatus,
  err,
  type Result,
} from '@ioc/domain'

/** The report after the action, or why it is refused. */
export type CitizenActionResult = Result<CitizenReport, { code: 'conflict'; message: string }>

/** Which statuses each action may start from: a closed report takes only a (further) answer. */
const FROM: Record<CitizenReportAction['kind'], readonly CitizenReportStatus[]> = {
  verify: ['new'],
  reject: ['new', 'verified'],
  merge: ['new', 'verified'],
  resolve: ['new', 'verified'],
  answer: ['new', 'verified', 'rejected', 'resolved'],
}

/**
 * The report after an operator's action at `nowMs`, or why it cannot be done. `stationId` is the flood
 * sensor a verified flood was read into (null when none is near). Pure: the service stores and audits.
 */
export function applyCitizenAction(
  r: CitizenReport,
  action: CitizenReportAction,
  by: string,
  nowMs: number,
  stationId: string | null = null,
): CitizenActionResult {
  if (!FROM[action.kind].includes(r.status)) {
    const why =
      r.status === 'merged' ? `it was merged into ${r.mergedInto}: act on that one` : `it is ${r.status}`
    return err({ code: 'conflict', message: `cannot ${action.kind} report ${r.code}: ${why}` })
  }
  const base = { ...r, updatedAt: nowMs }
  const close = { closedAt: nowMs, closedBy: by }
  switch (action.kind) {
    case 'verify':
      return {
        ok: true,
        value: { ...base, status: 'verified', verifiedAt: nowMs, verifiedBy: by, stationId },
      }
    case 'reject':
      return { ok: true, value: { ...base, ...close, status: 'rejected', rejectReason: action.reason } }
    case 'merge':
      if (action.into === r.code)
        return err({ code: 'conflict', message: `cannot merge report ${r.code} into itself` })
      return { ok: true, value: { ...base, ...close, status: 'merged', mergedInto: action.into } }
    case 'resolve':
      return { ok: true, value: { ...base, ...close, status: 'resolved' } }
    case 'answer':
      return {
        ok: true,
        value: { ...base, answer: action.text, answeredBy: by, firstAnsweredAt: r.firstAnsweredAt ?? nowMs },
      }
  }
}
