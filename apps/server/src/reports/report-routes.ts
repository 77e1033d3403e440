import { issuesFromZod, type Network } from '@ioc/domain'
import { computeReport, type ReportInput, reportToCsv } from '@ioc/reports'
import { waterReleaseMarginM } from '@ioc/rules'
import { Router } from 'express'
import { z } from 'zod'
import type { ServerContext } from '../api/context'
import { TimeParam } from '../api/query-params'
import { sendError } from '../api/send-error'
import { authorize } from '../auth/authorize'
import { FIVE_MIN_MS, floorTo, HOUR_MS } from '../store/history-plan'
import type { Store } from '../store/store'

const DAY_MS = 86_400_000
/** Alerts raised this long before the period are read too, for the congestion and floods still active in it. */
const LOOKBACK_MS = 7 * DAY_MS

export const ReportQuery = z
  .object({
    from: TimeParam.meta({ description: 'Start of the period, inclusive' }),
    to: TimeParam.meta({ description: 'End of the period, exclusive' }),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['from'] })
  .refine((q) => q.to - q.from <= 366 * DAY_MS, { message: 'at most a year at a time', path: ['to'] })

const FIFTEEN_MIN_MS = 3 * FIVE_MIN_MS

/**
 * How finely a report reads each gauge: every reading while there are no more than one per 5 minutes,
 * else 5-minute rollup cells up to a week, 15-minute buckets of them up to about three months (a month's
 * report then reads 2,880 buckets a gauge, not 8,640, and answers in well under 200 ms with a year
 * loaded), hourly cells beyond. A bucket's max keeps the peak, so the gauge maxima and báo động passages
 * are the readings' own values, their times to the bucket.
 */
export function reportPoints(fromMs: number, toMs: number): number {
  const span = toMs - fromMs
  const grainMs =
    span <= 7 * DAY_MS ? FIVE_MIN_MS : span <= 10_000 * FIFTEEN_MIN_MS ? FIFTEEN_MIN_MS : HOUR_MS
  return Math.ceil((toMs - floorTo(fromMs, grainMs)) / grainMs)
}

/** Every gauge's readings over [from, to) for a report, at the resolution `reportPoints` chooses. */
export async function readGaugeReadings(
  store: Pick<Store, 'history'>,
  network: Pick<Network, 'stations'>,
  fromMs: number,
  toMs: number,
): Promise<ReportInput['gaugeReadings']> {
  const readings = new Map<string, { atMs: number; value: number }[]>()
  for (const g of network.stations) {
    if (g.kind === 'street-flood-sensor') continue
    const h = await store.history({
      type: 'water',
      subjectId: g.id,
      fromMs,
      toMs,
      maxPoints: reportPoints(fromMs, toMs),
    })
    // Long periods come in buckets: their max keeps the peak (and the passages) of the bucket.
    readings.set(
      g.id,
      h.points.map((p) => ({ atMs: p.observedAt, value: h.bucketMs === null ? p.value : p.max })),
    )
  }
  return readings
}

/** Operations reports for analysts and admins (the export:read permission). */
export function reportRoutes(ctx: ServerContext): Router {
  const router = Router()
  router.get('/reports', authorize(ctx, 'export:read'), async (req, res) => {
    const q = ReportQuery.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    const { from, to, format } = q.data
    const { network } = ctx.index
    const alerts = await ctx.store.listAlerts({ state: 'all', from: from - LOOKBACK_MS, to })
    const gaugeReadings = await readGaugeReadings(ctx.store, network, from, to)
    // Reports sent in the period; a city sees thousands a year, not millions.
    const citizenReports = await ctx.store.listCitizenReports({ fromMs: from, toMs: to, limit: 1_000_000 })
    const incidents = (await ctx.store.listOperationalIncidents({ state: 'all', to, limit: 100_000 })).filter(
      (i) => i.openedAt >= from,
    )
    const report = computeReport({
      fromMs: from,
      toMs: to,
      nowMs: Date.now(),
      ackTargetMs: ctx.config.forecast.reportAckTargetMs,
      alerts,
      gaugeReadings,
      network,
      releaseMarginM: (stationId) => waterReleaseMarginM(ctx.rules, stationId),
      citizenReports,
      incidents,
    })
    if (format === 'json') return void res.json(report)
    const name = `ioc-report-${new Date(from).toISOString().slice(0, 10)}-${new Date(to).toISOString().slice(0, 10)}.csv`
    res.type('text/csv; charset=utf-8').attachment(name).send(reportToCsv(report))
  })
  return router
}
