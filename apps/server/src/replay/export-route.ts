import type { Alert, Observation } from '@ioc/domain'
import { issuesFromZod } from '@ioc/domain'
import type { RequestHandler } from 'express'
import { z } from 'zod'
import type { ServerContext } from '../api/context'
import { TimeParam } from '../api/query-params'
import { sendError } from '../api/send-error'
import { authorize } from '../auth/authorize'

const Include = z.enum(['observations', 'alerts'])

export const ExportParams = z
  .object({
    from: TimeParam.meta({ description: 'Start, inclusive' }),
    to: TimeParam.meta({ description: 'End, exclusive' }),
    format: z.enum(['ndjson', 'csv']).default('ndjson'),
    include: z
      .string()
      .default('observations')
      .transform((s) => s.split(',').map((x) => x.trim()))
      .pipe(z.array(Include).min(1))
      .meta({ description: 'Comma-separated: observations, alerts (raised in the range)' }),
  })
  .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['from'] })

const PAGE = 5000

/** The columns of a CSV export; an observation or alert row leaves the others empty. */
export const CSV_HEADER =
  'record,time,subject_id,value,source,flow_vph,occupancy_pct,alert_id,kind,severity,threshold,unit,cleared_at,ack_by\n'

/**
 * `GET /export`: observations (in time order, as the ingest API takes them, so an NDJSON export
 * imports again) and alerts of a range, streamed a store page at a time with backpressure: memory
 * stays at one page whatever the range.
 */
export function exportRoute(ctx: ServerContext): RequestHandler[] {
  const handler: RequestHandler = async (req, res) => {
    const q = ExportParams.safeParse(req.query)
    if (!q.success) return sendError(res, 'invalid_request', 'invalid query', issuesFromZod(q.error))
    const { from, to, format, include } = q.data
    const name = `ioc-${new Date(from).toISOString()}--${new Date(to).toISOString()}`.replace(/:/g, '')
    res.status(200)
    // attachment() guesses a type from the extension: set ours after it.
    res.attachment(`${name}.${format}`)
    res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
    let closed = false
    res.once('close', () => {
      closed = true
    })
    const write = async (chunk: string) => {
      if (closed || res.write(chunk)) return
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done)
          res.off('close', done)
          resolve()
        }
        res.once('drain', done)
        res.once('close', done)
      })
    }
    if (format === 'csv') await write(CSV_HEADER)
    if (include.includes('observations')) {
      for await (const page of ctx.store.observationsInRange(from, to, PAGE)) {
        if (closed) return
        await write(page.map(format === 'csv' ? observationCsv : ndjsonLine).join(''))
      }
    }
    if (include.includes('alerts') && !closed) {
      const alerts = (await ctx.store.listAlerts({ state: 'all', from, to })).reverse()
      await write(alerts.map(format === 'csv' ? alertCsv : alertLine).join(''))
    }
    if (!closed) res.end()
  }
  return [authorize(ctx, 'export:read'), handler]
}

const ndjsonLine = (o: Observation) => `${JSON.stringify(o)}\n`
/** Alerts are told apart from observations by their `type`, which no observation has. */
const alertLine = (a: Alert) => `${JSON.stringify({ type: 'alert', ...a })}\n`

function observationCsv(o: Observation): string {
  const row =
    o.type === 'traffic'
      ? ['traffic', o.observedAt, o.segmentId, o.speedKph, o.source, o.flowVph ?? '', o.occupancyPct ?? '']
      : ['water', o.observedAt, o.stationId, o.value, o.source, '', '']
  return `${[...row, '', '', '', '', '', '', ''].map(csvField).join(',')}\n`
}

function alertCsv(a: Alert): string {
  const row = [
    'alert',
    new Date(a.raisedAt).toISOString(),
    a.subject.id,
    a.value,
    '',
    '',
    '',
    a.id,
    a.kind,
    a.severity,
    a.threshold,
    a.unit,
    a.clearedAt === null ? '' : new Date(a.clearedAt).toISOString(),
    a.ack?.by ?? '',
  ]
  return `${row.map(csvField).join(',')}\n`
}

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
function csvField(v: string | number): string {
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
