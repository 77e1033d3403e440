import type { Issue, NetworkIndex, Observation } from '@ioc/domain'
import { itemsOnLines } from '../ingest/parse-batch'
import { validateBatch } from '../ingest/validate-batch'
import type { InsertResult } from '../store/store'

export interface ImportReport {
  lines: number
  accepted: number
  duplicates: number
  /** How many lines were refused. */
  refused: number
  /** The first refusals, each with its line and field. */
  issues: Issue[]
}

/** Refusals listed in full; beyond this only counted, so a wholly wrong file does not fill memory. */
const MAX_ISSUES = 100
const BATCH = 5000

/**
 * Imports an NDJSON recording a batch at a time through `ingest` (the live pipeline: store, then
 * alerts), after the same validation as `POST /observations`. Unlike the HTTP API, which refuses a batch
 * with any bad line, an import stores the good lines and reports the bad ones by line number: a long
 * recording is not lost to one typo. `onBatch` gets the running report after each batch.
 */
export async function importRecording(
  lines: AsyncIterable<string>,
  deps: {
    index: NetworkIndex
    ingest: (batch: readonly Observation[]) => Promise<Pick<InsertResult, 'accepted' | 'duplicates'>>
    nowMs?: () => number
    onBatch?: (report: ImportReport) => void
  },
): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, accepted: 0, duplicates: 0, refused: 0, issues: [] }
  const refuse = (issues: Issue[]) => {
    const lineNumbers = new Set(issues.map((i) => i.line))
    report.refused += lineNumbers.size
    for (const i of issues) if (report.issues.length < MAX_ISSUES) report.issues.push(i)
  }
  let values: unknown[] = []
  let lineOf: number[] = []
  const flush = async () => {
    const items = itemsOnLines(values, lineOf)
    const { observations, issues } = validateBatch(items, deps.index, {
      nowMs: (deps.nowMs ?? Date.now)(),
      // A recording is history: no horizon, however old its readings.
      notBeforeMs: Number.NEGATIVE_INFINITY,
    })
    values = []
    lineOf = []
    refuse(issues)
    if (observations.length) {
      const r = await deps.ingest(observations)
      report.accepted += r.accepted
      report.duplicates += r.duplicates
    }
    deps.onBatch?.(report)
  }
  for await (const raw of lines) {
    const line = ++report.lines
    if (raw.trim() === '') continue
    try {
      values.push(JSON.parse(raw))
      lineOf.push(line)
    } catch (e) {
      refuse([{ line, field: '(line)', message: `malformed JSON: ${(e as Error).message}` }])
    }
    if (values.length >= BATCH) await flush()
  }
  await flush()
  report.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return report
}
