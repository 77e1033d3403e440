import type { Observation } from '@ioc/domain'
import { indexNetwork } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { importRecording } from './import-recording'

const network = loadNetwork()
const good = {
  type: 'water',
  stationId: 'phu-an',
  observedAt: '2025-11-06T18:00:00+07:00',
  value: 1.75,
  source: 'sim',
}

async function* linesOf(text: string) {
  yield* text.split('\n')
}

test('stores the good lines and reports each bad one by line and field', async () => {
  const stored: Observation[] = []
  const text = [
    JSON.stringify(good),
    '{"type":',
    '',
    JSON.stringify({ ...good, value: 99 }),
    JSON.stringify({ ...good, observedAt: '2025-11-06T18:05:00+07:00' }),
    JSON.stringify(good),
    // Imported as a recording, a reading of 1900 is history, not a broken clock.
    JSON.stringify({ ...good, observedAt: '1900-01-01T00:00:00+07:00' }),
  ].join('\n')
  const report = await importRecording(linesOf(text), {
    index: indexNetwork(network),
    ingest: async (batch) => {
      let accepted = 0
      for (const o of batch) {
        if (stored.some((s) => s.observedAt === o.observedAt)) continue
        stored.push(o)
        accepted++
      }
      return { accepted, duplicates: batch.length - accepted }
    },
  })
  expect(report).toMatchObject({ lines: 7, accepted: 3, duplicates: 1, refused: 2 })
  expect(report.issues.map((i) => [i.line, i.field])).toEqual([
    [2, '(line)'],
    [4, 'value'],
  ])
})
