import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject } from 'zod-openapi'
import { API_PATHS } from '../src/api/openapi'
import { level, ndjson, segmentId, speed, startTestServer, type TestServer } from './test-server'

let s: TestServer
const tokens: Record<string, string> = {}
beforeAll(async () => {
  s = await startTestServer({ BODY_LIMIT: '4kb' })
  for (const name of ['operator', 'analyst', 'admin']) tokens[name] = await s.login(name)
  tokens.leaving = await s.login('operator')
  tokens.ingest = s.ingestKey
  await s.ingest(ndjson([speed(0, 40), level('phu-an', 1.2)]))
})
afterAll(() => s.stop())

interface Call {
  as?: string
  path?: string
  init?: RequestInit
}
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
const ndjsonPost = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-ndjson' },
  body,
})

/** Requests that exercise each documented route, good and bad. Every documented route must be here. */
const CALLS: Record<string, Call[]> = {
  'get /api/v1/health': [{}],
  'post /api/v1/auth/login': [
    { init: json({ name: 'analyst', password: 'a long enough password' }) },
    { init: json({ name: 'analyst', password: 'wrong' }) },
    { init: json({ user: 'analyst' }) },
  ],
  'post /api/v1/auth/logout': [
    { as: 'leaving', init: { method: 'POST' } },
    { init: { method: 'POST' } },
    { as: 'ingest', init: { method: 'POST' } },
  ],
  'get /api/v1/auth/me': [{ as: 'operator' }, {}],
  'post /api/v1/observations': [
    { as: 'ingest', init: ndjsonPost(ndjson([speed(1, 20)])) },
    { as: 'ingest', init: ndjsonPost(ndjson([speed(1, -20)])) },
    { as: 'ingest', init: ndjsonPost('\n') },
    { as: 'ingest', init: ndjsonPost(ndjson(Array.from({ length: 50 }, (_, i) => speed(i, 20)))) },
    { as: 'ingest', init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' } },
    { as: 'operator', init: ndjsonPost(ndjson([speed(1, 20)])) },
    { init: ndjsonPost(ndjson([speed(1, 20)])) },
  ],
  'get /api/v1/network': [{ as: 'operator' }, { as: 'ingest' }, {}],
  'get /api/v1/state': [{ as: 'operator' }, { as: 'ingest' }, {}],
  'get /api/v1/history/traffic/{segmentId}': [
    { as: 'analyst', path: `/api/v1/history/traffic/${segmentId(0)}` },
    { as: 'analyst', path: `/api/v1/history/traffic/${segmentId(0)}?from=later` },
    { as: 'analyst', path: '/api/v1/history/traffic/seg-0-0' },
    { as: 'operator', path: `/api/v1/history/traffic/${segmentId(0)}` },
    { path: `/api/v1/history/traffic/${segmentId(0)}` },
  ],
  'get /api/v1/history/water/{stationId}': [
    { as: 'analyst', path: `/api/v1/history/water/phu-an?from=0&to=${Date.now()}&maxPoints=10` },
    {
      as: 'analyst',
      path: '/api/v1/history/water/phu-an?from=2025-10-07T18:00:00Z&to=2025-10-07T18:00:00%2B07:00',
    },
    { as: 'analyst', path: '/api/v1/history/water/thi-nghe' },
    { as: 'operator', path: '/api/v1/history/water/phu-an' },
    { path: '/api/v1/history/water/phu-an' },
  ],
  'get /api/v1/audit': [
    { as: 'admin', path: '/api/v1/audit?limit=3' },
    { as: 'admin', path: '/api/v1/audit?limit=0' },
    { as: 'analyst' },
    {},
  ],
  'get /api/v1/openapi.json': [{}],
}

const documented = Object.entries(API_PATHS).flatMap(([path, item]) =>
  Object.entries(item as Record<string, ZodOpenApiOperationObject>).map(
    ([method, op]) => [`${method} ${path}`, path, op] as const,
  ),
)

test('the served document is generated from the route table, as OpenAPI 3.1', async () => {
  const doc = (await (await fetch(`${s.url}/api/v1/openapi.json`)).json()) as {
    openapi: string
    paths: Record<string, Record<string, unknown>>
  }
  expect(doc.openapi).toBe('3.1.0')
  expect(Object.keys(doc.paths)).toEqual(Object.keys(API_PATHS))
  expect(Object.keys(CALLS).sort()).toEqual(documented.map(([key]) => key).sort())
})

/** Statuses answered per route, for the coverage check at the end. */
const seen = new Map<string, Set<string>>()

describe.each(documented)('%s', (key, path, op) => {
  test.each(CALLS[key] ?? [])('answers as documented: %j', async (call) => {
    const headers = new Headers(call.init?.headers)
    if (call.as) headers.set('authorization', `Bearer ${tokens[call.as]}`)
    const res = await fetch(`${s.url}${call.path ?? path}`, { ...call.init, headers })
    seen.set(key, (seen.get(key) ?? new Set()).add(String(res.status)))
    const documentedStatus = (op.responses as Record<string, ZodOpenApiResponseObject | undefined>)[
      String(res.status)
    ]
    expect(documentedStatus, `status ${res.status} is not documented`).toBeDefined()
    const schema = documentedStatus?.content?.['application/json']?.schema as z.ZodType | undefined
    if (!schema) return expect(await res.text()).toBe('')
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const parsed = schema.safeParse(await res.json())
    expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true)
  })
})

test('every documented status of every route was answered by one of the calls above', () => {
  // Not every answer can be provoked cheaply (503 needs a broken store, 429 a lockout, 304 a revalidation).
  const unreachable = new Set([
    'get /api/v1/health 503',
    'post /api/v1/auth/login 429',
    'get /api/v1/network 304',
  ])
  const missing = documented.flatMap(([key, , op]) =>
    Object.keys(op.responses)
      .filter((status) => !seen.get(key)?.has(status) && !unreachable.has(`${key} ${status}`))
      .map((status) => `${key} ${status}`),
  )
  expect(missing).toEqual([])
})
