import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, expect, test } from 'vitest'
import { createPublicCache } from './public-cache'
import { publicRouter } from './public-router'

let close: (() => Promise<void>) | undefined
afterEach(() => close?.())

/** A public endpoint counting how often its handler ran, on a free port. */
async function serve(config: { rateLimitPerMin: number; cacheMaxAgeS: number }) {
  const app = express()
  const pub = publicRouter(config)
  const cache = createPublicCache({ maxAgeS: config.cacheMaxAgeS })
  let computed = 0
  pub.get('/levels', cache.serveCached, (req, res) => {
    computed++
    cache.send(
      req,
      res,
      JSON.stringify({ station: 'phu-an', q: req.query.q ?? null }),
      'application/json; charset=utf-8',
    )
  })
  app.use('/open', pub)
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  close = () => new Promise((r) => server.close(() => r()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open`
  return { url, computed: () => computed }
}

test('a public answer carries a strong ETag and Cache-Control, and a matching If-None-Match gets 304', async () => {
  const s = await serve({ rateLimitPerMin: 100, cacheMaxAgeS: 30 })
  const first = await fetch(`${s.url}/levels`)
  expect(first.status).toBe(200)
  const etag = first.headers.get('etag') as string
  expect(etag).toMatch(/^"[\w-]+"$/)
  expect(first.headers.get('cache-control')).toBe('public, max-age=30')
  expect(first.headers.get('access-control-allow-origin')).toBe('*')
  const again = await fetch(`${s.url}/levels`, { headers: { 'if-none-match': etag } })
  expect(again.status).toBe(304)
  expect(await again.text()).toBe('')
})

test('the same URL is answered from the cache; another query string is computed', async () => {
  const s = await serve({ rateLimitPerMin: 100, cacheMaxAgeS: 30 })
  for (let i = 0; i < 3; i++) expect((await fetch(`${s.url}/levels`)).status).toBe(200)
  expect(s.computed()).toBe(1)
  expect(await (await fetch(`${s.url}/levels?q=1`)).json()).toEqual({ station: 'phu-an', q: '1' })
  expect(s.computed()).toBe(2)
})

test('with max-age 0 nothing is kept and clients are told to revalidate', async () => {
  const s = await serve({ rateLimitPerMin: 100, cacheMaxAgeS: 0 })
  const res = await fetch(`${s.url}/levels`)
  await fetch(`${s.url}/levels`)
  expect(res.headers.get('cache-control')).toBe('public, no-cache')
  expect(s.computed()).toBe(2)
})

test('writes are refused with 405 and the allowed methods', async () => {
  const s = await serve({ rateLimitPerMin: 100, cacheMaxAgeS: 30 })
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    const res = await fetch(`${s.url}/levels`, { method, body: method === 'DELETE' ? undefined : '{}' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(((await res.json()) as { code: string }).code).toBe('method_not_allowed')
  }
})

test('an address over its limit gets 429 with a clear message, cached answers included', async () => {
  const s = await serve({ rateLimitPerMin: 3, cacheMaxAgeS: 30 })
  const statuses = []
  for (let i = 0; i < 5; i++) statuses.push((await fetch(`${s.url}/levels`)).status)
  expect(statuses).toEqual([200, 200, 200, 429, 429])
  const res = await fetch(`${s.url}/levels`)
  expect(await res.json()).toMatchObject({
    code: 'rate_limited',
    message: expect.stringMatching(/3 requests/),
  })
  expect(res.headers.get('ratelimit-policy')).toBe('3;w=60')
})
