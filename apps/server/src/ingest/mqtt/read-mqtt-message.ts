import type { NetworkIndex } from '@ioc/domain'
import { err, type Issue, type Observation, ok, type Result } from '@ioc/domain'
import { indexedItems } from '../parse-batch'
import { type IngestWindow, validateBatch } from '../validate-batch'
import { subjectOfTopic } from './mqtt-topics'

/** The observations of a message, or why it is dead-lettered. */
export type ReadMessage = Result<Observation[], string>

const describe = (i: Issue) => `${i.index !== undefined ? `item ${i.index}, ` : ''}${i.field}: ${i.message}`

/**
 * Reads one MQTT message: an observation as in HTTP ingest, or an array of them, for the subject its
 * topic names. The topic fills in `type` and the id when the payload leaves them out, and must agree
 * when it does not. Validated exactly like an HTTP batch (validate-batch.ts): all good, or a reason.
 */
export function readMqttMessage(
  topic: string,
  payload: Buffer,
  index: NetworkIndex,
  window: IngestWindow,
): ReadMessage {
  const subject = subjectOfTopic(topic)
  if (!subject) return err(`topic: not hcmc/water/<stationId> or hcmc/traffic/<segmentId>`)
  let doc: unknown
  try {
    doc = JSON.parse(payload.toString('utf8'))
  } catch (e) {
    return err(`(root): malformed JSON: ${(e as Error).message}`)
  }
  const docs = Array.isArray(doc) ? doc : [doc]
  if (!docs.length) return err('(root): an empty array holds no observation')
  const values: unknown[] = []
  const positions: number[] = []
  const issues: Issue[] = []
  docs.forEach((d, i) => {
    const at = Array.isArray(doc) ? { index: i } : {}
    if (typeof d !== 'object' || d === null || Array.isArray(d)) {
      issues.push({ ...at, field: '(root)', message: 'expected an observation object' })
      return
    }
    const filled: Record<string, unknown> = { ...subject, ...d }
    for (const [field, expected] of Object.entries(subject)) {
      if (filled[field] !== expected) {
        issues.push({
          ...at,
          field,
          message: `${JSON.stringify(filled[field])} does not match the topic's ${JSON.stringify(expected)}`,
        })
      }
    }
    values.push(filled)
    positions.push(i)
  })
  const validated = validateBatch(indexedItems(values, positions), index, window)
  if (!Array.isArray(doc)) for (const i of validated.issues) delete i.index
  const all = [...issues, ...validated.issues]
  if (all.length) return err(all.map(describe).join('; '))
  return ok(validated.observations)
}
