import type { IngestResult, Issue } from '@ioc/domain'
import express, { type RequestHandler } from 'express'
import type { ServerContext } from '../api/context'
import { sendError } from '../api/send-error'
import { authorize } from '../auth/authorize'
import { commitObservations } from './commit-observations'
import { notBeforeMs } from './ingest-horizon'
import { type BatchFormat, parseBatch } from './parse-batch'
import { validateBatch } from './validate-batch'

const NDJSON = 'application/x-ndjson'
const JSON_TYPE = 'application/json'

function describeIssue(i: Issue): string {
  const where = i.line !== undefined ? `line ${i.line}` : i.index !== undefined ? `item ${i.index}` : 'body'
  return `${where}, ${i.field}: ${i.message}`
}

/**
 * `POST /api/v1/observations`: a JSON array or NDJSON batch, validated whole. Nothing is stored unless
 * every item is good; a good batch is committed (durably) before the answer, duplicates are counted.
 */
export function ingestRoute(ctx: ServerContext): RequestHandler[] {
  const { metrics, index } = ctx
  const requireBatchType: RequestHandler = (req, res, next) => {
    if (!req.is([NDJSON, JSON_TYPE])) {
      metrics.batchesRejected.inc({ reason: 'media_type' })
      return sendError(res, 'unsupported_media_type', `send ${JSON_TYPE} (an array) or ${NDJSON}`)
    }
    next()
  }

  const ingest: RequestHandler = async (req, res) => {
    const started = performance.now()
    const text = typeof req.body === 'string' ? req.body : ''
    const format: BatchFormat = req.is(NDJSON) ? 'ndjson' : 'json'
    const parsed = parseBatch(text, format)
    const now = Date.now()
    const validated = validateBatch(parsed.items, index, {
      nowMs: now,
      notBeforeMs: notBeforeMs(ctx.config.horizon, now),
    })
    const issues = [...parsed.issues, ...validated.issues].sort(
      (a, b) => (a.line ?? a.index ?? 0) - (b.line ?? b.index ?? 0),
    )
    if (issues.length) {
      metrics.batchesRejected.inc({ reason: 'invalid' })
      const first = issues[0] as Issue
      return sendError(
        res,
        'invalid_observations',
        `${issues.length} problem(s), nothing stored; first: ${describeIssue(first)}`,
        issues,
      )
    }
    if (!validated.observations.length) {
      metrics.batchesRejected.inc({ reason: 'empty' })
      return sendError(res, 'invalid_request', 'the batch holds no observations')
    }
    // The alerts these observations cause are committed in the same transaction.
    const result = await commitObservations(ctx, validated.observations)
    metrics.batchSeconds.observe((performance.now() - started) / 1000)
    const body: IngestResult = { accepted: result.accepted, duplicates: result.duplicates }
    res.json(body)
  }

  return [
    authorize(ctx, 'observations:ingest'),
    requireBatchType,
    express.text({ type: [JSON_TYPE, NDJSON], limit: ctx.config.bodyLimit }),
    ingest,
  ]
}
