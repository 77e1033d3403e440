import { CitizenCategory, type CitizenReport, type CitizenStatsRow } from '@ioc/domain'
import { durationStats } from './compute-report'

/**
 * Per category, over the given reports: how many, time from the report to the first answer (answered
 * ones) and to closing (resolved or rejected ones). Merged reports count but take no time of their
 * own: the report they joined carries the answer.
 */
export function citizenStats(reports: readonly CitizenReport[]): CitizenStatsRow[] {
  return CitizenCategory.options.map((category) => {
    const of = reports.filter((r) => r.category === category)
    const answerS = of.flatMap((r) =>
      r.firstAnsweredAt !== null && r.status !== 'merged' ? [(r.firstAnsweredAt - r.createdAt) / 1000] : [],
    )
    const closeS = of.flatMap((r) =>
      r.closedAt !== null && (r.status === 'resolved' || r.status === 'rejected')
        ? [(r.closedAt - r.createdAt) / 1000]
        : [],
    )
    return { category, count: of.length, firstAnswer: durationStats(answerS), resolve: durationStats(closeS) }
  })
}
