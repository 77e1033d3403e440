import { indexNetwork } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { parseBatch } from './parse-batch'
import { validateBatch } from './validate-batch'

const index = indexNetwork(loadNetwork())
const segmentId = loadNetwork().segments[0]?.id as string
const NOW = Date.parse('2025-10-07T12:00:00Z')
const WINDOW = { nowMs: NOW, notBeforeMs: Date.parse('2000-01-01T00:00:00+07:00') }
const at = '2025-10-07T18:55:00+07:00'
const good = { type: 'traffic', segmentId, observedAt: at, speedKph: 23.5, source: 'tomtom' }
const gauge = { type: 'water', stationId: 'phu-an', observedAt: at, value: 1.52, source: 'sihymete' }

function check(ndjson: string) {
  const { items, issues } = parseBatch(ndjson, 'ndjson')
  const validated = validateBatch(items, index, WINDOW)
  return { observations: validated.observations, issues: [...issues, ...validated.issues] }
}
const lines = (...xs: unknown[]) => xs.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n')

describe('an NDJSON batch', () => {
  test('of valid traffic and water observations passes whole', () => {
    const r = check(`${lines(good, gauge)}\n`)
    expect(r.issues).toEqual([])
    expect(r.observations).toEqual([good, gauge])
  })

  test('reports every bad line with its line number and field', () => {
    const r = check(
      lines(
        good,
        '{"type":"traffic",',
        { ...good, speedKph: -4 },
        { ...good, speedKph: 250 },
        { ...good, speedKph: '12' },
        { ...good, segmentId: 'seg-0-0' },
        { ...gauge, stationId: 'thi-nghe' },
        { ...gauge, value: 9.5 },
        { ...good, observedAt: '2025-10-07 18:55' },
        { ...good, observedAt: '2025-10-07T19:10:00Z' },
        { type: 'bus' },
        { ...good, source: undefined },
      ),
    )
    expect(r.issues.map((i) => [i.line, i.field])).toEqual([
      [2, '(line)'],
      [3, 'speedKph'],
      [4, 'speedKph'],
      [5, 'speedKph'],
      [6, 'segmentId'],
      [7, 'stationId'],
      [8, 'value'],
      [9, 'observedAt'],
      [10, 'observedAt'],
      [11, 'type'],
      [12, 'source'],
    ])
    expect(r.issues.find((i) => i.line === 3)?.message).toBe('speed cannot be negative')
    expect(r.issues.find((i) => i.line === 4)?.message).toBe('speed over 200 km/h')
    expect(r.issues.find((i) => i.line === 8)?.message).toMatch(
      /9.5 m is outside the plausible range of phu-an/,
    )
    expect(r.issues.find((i) => i.line === 10)?.message).toMatch(/more than 5 minutes in the future/)
  })

  test('a reading before the ingest horizon is refused by line and field; one at the horizon passes', () => {
    const r = check(lines(good, { ...gauge, observedAt: '1900-01-01T00:00:00+07:00' }))
    expect(r.issues).toEqual([
      {
        line: 2,
        field: 'observedAt',
        message:
          '1900-01-01T00:00:00+07:00 is before the ingest horizon (1999-12-31T17:00:00.000Z); import older readings as a recording with `ioc import`',
      },
    ])
    expect(check(lines({ ...gauge, observedAt: '2000-01-01T00:00:00+07:00' })).issues).toEqual([])
  })

  test('4 minutes ahead of the server clock is tolerated', () => {
    expect(check(lines({ ...good, observedAt: '2025-10-07T12:04:00Z' })).issues).toEqual([])
  })

  test('a blank line in the middle is skipped and line numbers stay true', () => {
    const r = check(lines(good, '', { ...good, speedKph: -1 }))
    expect(r.issues).toEqual([{ line: 3, field: 'speedKph', message: 'speed cannot be negative' }])
  })
})

describe('a JSON array batch', () => {
  test('locates problems by array index', () => {
    const { items } = parseBatch(JSON.stringify([good, { ...gauge, stationId: 'nowhere' }]), 'json')
    expect(validateBatch(items, index, WINDOW).issues).toEqual([
      { index: 1, field: 'stationId', message: 'unknown station "nowhere"' },
    ])
  })

  test('that is malformed is reported with the line of the fault', () => {
    const text = `[\n${JSON.stringify(good)},\n{"type": "water",, }\n]`
    expect(parseBatch(text, 'json').issues).toEqual([
      { line: 3, field: '(root)', message: expect.stringMatching(/^malformed JSON/) },
    ])
  })

  test('that is not an array is refused', () => {
    expect(parseBatch(JSON.stringify(good), 'json').issues).toEqual([
      { field: '(root)', message: 'expected a JSON array of observations' },
    ])
  })
})
