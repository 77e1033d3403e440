import {
  createTimeReader,
  type Issue,
  issuesFromZod,
  type NetworkIndex,
  Observation,
  stationById,
} from '@ioc/domain'
import type { ParsedItems } from './parse-batch'

/** Clocks of feeds drift; more than this ahead of the server is a wrong time zone or a broken clock. */
export const MAX_FUTURE_MS = 5 * 60_000

/** When a batch is checked: the server's clock, and the oldest observation time it accepts (ingest-horizon.ts). */
export interface IngestWindow {
  nowMs: number
  notBeforeMs: number
}

/**
 * Checks every item of a batch against the observation schema, the network and the ingest window,
 * collecting every problem so a feed can fix a whole batch at once.
 */
export function validateBatch(
  items: ParsedItems,
  index: NetworkIndex,
  window: IngestWindow,
): { observations: Observation[]; issues: Issue[] } {
  const observations: Observation[] = []
  const issues: Issue[] = []
  const readTime = createTimeReader()
  const { values } = items
  for (let k = 0; k < values.length; k++) {
    const parsed = Observation.safeParse(values[k])
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error, items.locate(k)))
      continue
    }
    const o = parsed.data
    const inNetwork = networkIssues(o, index)
    const inTime = timeIssues(o, readTime(o.observedAt), window)
    if (inNetwork === NONE && inTime === NONE) observations.push(o)
    else for (const i of [...inNetwork, ...inTime]) issues.push({ ...items.locate(k), ...i })
  }
  return { observations, issues }
}

type ItemIssue = Omit<Issue, 'line' | 'index'>
/** The answer for a good item, shared: nearly every item is good, and this runs for each one. */
const NONE: readonly ItemIssue[] = Object.freeze([])

function networkIssues(o: Observation, index: NetworkIndex): readonly ItemIssue[] {
  if (o.type === 'traffic') {
    return index.segmentIdx.has(o.segmentId)
      ? NONE
      : [{ field: 'segmentId', message: `unknown segment "${o.segmentId}"` }]
  }
  const station = stationById(index, o.stationId)
  if (!station) return [{ field: 'stationId', message: `unknown station "${o.stationId}"` }]
  const { min, max } = station.plausible
  if (o.value < min || o.value > max) {
    return [
      {
        field: 'value',
        message: `${o.value} ${station.unit} is outside the plausible range of ${station.id} (${min} to ${max} ${station.unit})`,
      },
    ]
  }
  return NONE
}

function timeIssues(o: Observation, t: number, { nowMs, notBeforeMs }: IngestWindow): readonly ItemIssue[] {
  if (Number.isNaN(t)) return [{ field: 'observedAt', message: `cannot read "${o.observedAt}" as a time` }]
  if (t < notBeforeMs) {
    return [
      {
        field: 'observedAt',
        message: `${o.observedAt} is before the ingest horizon (${new Date(notBeforeMs).toISOString()}); import older readings as a recording with \`ioc import\``,
      },
    ]
  }
  if (t > nowMs + MAX_FUTURE_MS) {
    return [{ field: 'observedAt', message: `${o.observedAt} is more than 5 minutes in the future` }]
  }
  return NONE
}
