import type { ApiError, History, IngestResult } from '@ioc/domain'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { level, ndjson, segmentId, speed, startTestServer, type TestServer } from './test-server'

let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ BODY_LIMIT: '64kb' })
})
afterAll(() => s.stop())

describe('a valid batch', () => {
  test('NDJSON is stored and a retry only counts duplicates', async () => {
    const batch = ndjson([speed(0, 42), speed(1, 17.5), level('phu-an', 1.31), level('fs-001', 12)])
    const first = await s.ingest(batch)
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ accepted: 4, duplicates: 0 } satisfies IngestResult)
    const retry = await s.ingest(batch)
    expect(await retry.json()).toEqual({ accepted: 0, duplicates: 4 })
  })

  test('a JSON array is accepted too, partly new', async () => {
    const t = Date.now() - 30_000
    const res = await s.ingest(
      JSON.stringify([speed(2, 60, t), speed(2, 60, t), level('nha-be', 0.8, t)]),
      'application/json',
    )
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 1 })
  })

  test('what was stored is in the history', async () => {
    const t0 = Date.now() - 10 * 60_000
    await s.ingest(ndjson([0, 1, 2].map((m) => level('nha-be', 1 + m / 10, t0 + m * 60_000))))
    const token = await s.login('analyst')
    const res = await s.api(`/history/water/nha-be?from=${t0}&to=${t0 + 3 * 60_000}`, { token })
    const h = (await res.json()) as History
    expect(h.bucketMs).toBeNull()
    expect(h.points.map((p) => p.value)).toEqual([1, 1.1, 1.2])
  })
})

describe('a bad batch is refused whole and changes nothing', () => {
  async function refused(body: string, contentType = 'application/x-ndjson') {
    const before = await s.store.countObservations()
    const res = await s.ingest(body, contentType)
    expect(await s.store.countObservations()).toBe(before)
    return { status: res.status, body: (await res.json()) as ApiError }
  }
  const good = () => speed(5, 30)

  test.each([
    ['a malformed line', '{"type":"traffic"', 2, '(line)', /^malformed JSON/],
    ['a missing field', { ...good(), speedKph: undefined }, 2, 'speedKph', /expected number/],
    ['a mistyped field', { ...good(), speedKph: '30' }, 2, 'speedKph', /expected number, received string/],
    ['an unknown segment', { ...good(), segmentId: 'seg-1-2' }, 2, 'segmentId', /unknown segment "seg-1-2"/],
    ['an unknown station', level('thi-nghe', 1), 2, 'stationId', /unknown station "thi-nghe"/],
    ['a negative speed', speed(5, -1), 2, 'speedKph', /speed cannot be negative/],
    ['a speed over 200 km/h', speed(5, 201), 2, 'speedKph', /speed over 200 km\/h/],
    [
      'a level outside the plausible range',
      level('phu-an', 7.2),
      2,
      'value',
      /outside the plausible range of phu-an/,
    ],
    ['an unparseable time', { ...good(), observedAt: 'yesterday' }, 2, 'observedAt', /ISO 8601/],
    [
      'a time 6 minutes ahead',
      speed(5, 30, Date.now() + 6 * 60_000),
      2,
      'observedAt',
      /5 minutes in the future/,
    ],
  ])('%s: 422 naming the line and field', async (_, bad, line, field, message) => {
    const body = `${JSON.stringify(good())}\n${typeof bad === 'string' ? bad : JSON.stringify(bad)}\n`
    const r = await refused(body)
    expect(r.status).toBe(422)
    expect(r.body.code).toBe('invalid_observations')
    expect(r.body.message).toContain(`1 problem(s), nothing stored; first: line ${line}, ${field}: `)
    expect(r.body.issues).toEqual([{ line, field, message: expect.stringMatching(message) }])
  })

  test('every problem of the batch is listed, by line', async () => {
    const r = await refused(ndjson([speed(1, -5), good(), level('phu-an', 99), { type: 'bus' }]))
    expect(r.body.issues?.map((i) => [i.line, i.field])).toEqual([
      [1, 'speedKph'],
      [3, 'value'],
      [4, 'type'],
    ])
  })

  test('a reading dated 1900 is refused (422) naming its line and field; a week-old one is stored', async () => {
    const old = { ...good(), observedAt: '1900-01-01T00:00:00+07:00' }
    const r = await refused(ndjson([good(), old]))
    expect(r.status).toBe(422)
    expect(r.body.issues).toEqual([
      { line: 2, field: 'observedAt', message: expect.stringMatching(/is before the ingest horizon/) },
    ])
    const res = await s.ingest(ndjson([speed(2, 30, Date.now() - 7 * 86_400_000)]))
    expect(res.status).toBe(200)
  })

  test('a JSON array names the index', async () => {
    const r = await refused(
      JSON.stringify([good(), { ...good(), segmentId: segmentId(0).replace('seg-', 'seg-9') }]),
      'application/json',
    )
    expect(r.status).toBe(422)
    expect(r.body.issues).toEqual([
      { index: 1, field: 'segmentId', message: expect.stringMatching(/^unknown segment/) },
    ])
  })

  test('an oversize body is a 413', async () => {
    const big = ndjson(Array.from({ length: 1000 }, (_, i) => speed(i, 50)))
    const r = await refused(big)
    expect(r.status).toBe(413)
    expect(r.body).toEqual({
      code: 'payload_too_large',
      message: 'the body exceeds the limit of 65536 bytes',
    })
  })

  test('another content type is a 415', async () => {
    const r = await refused(ndjson([good()]), 'text/csv')
    expect(r.status).toBe(415)
    expect(r.body.code).toBe('unsupported_media_type')
  })

  test('an empty batch is a 400', async () => {
    const r = await refused('\n')
    expect(r.status).toBe(400)
    expect(r.body.message).toBe('the batch holds no observations')
  })
})
