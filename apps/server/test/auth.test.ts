import type { ApiError, AuditEntry, Me } from '@ioc/domain'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './test-server'

let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ LOGIN_MAX_FAILURES: '3', CORS_ORIGINS: 'https://wall.ioc.vn' })
})
afterAll(() => s.stop())

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('login', () => {
  test.each([
    ['operator', ['live:view', 'citizen:view', 'citizen:triage']],
    [
      'duty-officer',
      ['live:view', 'alerts:act', 'history:read', 'citizen:view', 'citizen:triage', 'citizen:answer'],
    ],
    ['analyst', ['live:view', 'replay:use', 'history:read', 'export:read']],
    ['admin', expect.arrayContaining(['users:manage', 'audit:read', 'observations:ingest'])],
  ])('%s signs in and is told what they may do', async (name, permissions) => {
    const token = await s.login(name)
    const me = (await (await s.api('/auth/me', { token })).json()) as Me
    expect(me.principal).toEqual({ kind: 'user', name, role: name })
    expect(me.permissions).toEqual(permissions)
  })

  test('sets an HTTP-only SameSite session cookie that works without the bearer token', async () => {
    const res = await s.api('/auth/login', post({ name: 'operator', password: 'a long enough password' }))
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^ioc_session=ioc_s_[\w-]+;/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const me = await s.api('/auth/me', { headers: { cookie: cookie.split(';')[0] as string } })
    expect(me.status).toBe(200)
  })

  test('a wrong password is a 401 with a reason, and the attempt is audited', async () => {
    const res = await s.api('/auth/login', post({ name: 'analyst', password: 'guess' }))
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ code: 'unauthenticated', message: 'wrong user name or password' })
    const audit = (await (await s.api('/audit', { token: await s.login('admin') })).json()) as AuditEntry[]
    expect(audit.find((e) => e.action === 'login-failed' && e.target === 'analyst')).toMatchObject({
      reason: 'wrong user name or password',
      origin: expect.stringContaining('127.0.0.1'),
    })
    expect(audit.some((e) => e.action === 'login' && e.actor === 'admin')).toBe(true)
  })

  test('logout ends the session', async () => {
    const token = await s.login('duty-officer')
    expect((await s.api('/auth/logout', { method: 'POST', token })).status).toBe(204)
    const res = await s.api('/auth/me', { token })
    expect(res.status).toBe(401)
    expect(((await res.json()) as ApiError).message).toBe('the session has expired or was signed out')
  })
})

describe('roles over HTTP', () => {
  test('an operator may see the live state but not history', async () => {
    const token = await s.login('operator')
    expect((await s.api('/state', { token })).status).toBe(200)
    const res = await s.api(`/history/water/phu-an`, { token })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({
      code: 'forbidden',
      message: 'operator (operator) lacks the history:read permission',
    })
  })

  test('an ingest key may only ingest', async () => {
    const res = await s.api('/state', { token: s.ingestKey })
    expect(res.status).toBe(403)
    expect(((await res.json()) as ApiError).message).toBe('ingest-key feed lacks the live:view permission')
  })

  test('a display token may view but not ingest', async () => {
    expect((await s.api('/state', { token: s.displayToken })).status).toBe(200)
    expect((await s.ingest('[]', 'application/json', s.displayToken)).status).toBe(403)
  })

  test('only admins read the audit log, and refusals land in it', async () => {
    const analyst = await s.login('analyst')
    expect((await s.api('/audit', { token: analyst })).status).toBe(403)
    const audit = (await (
      await s.api('/audit?limit=5', { token: await s.login('admin') })
    ).json()) as AuditEntry[]
    expect(audit).toHaveLength(5)
    expect(audit.find((e) => e.action === 'request-refused' && e.actor === 'analyst')).toMatchObject({
      target: 'GET /api/v1/audit',
      reason: 'analyst (analyst) lacks the audit:read permission',
    })
  })

  test('no credentials, or a made-up token, is a 401 with a reason', async () => {
    const none = await s.api('/state')
    expect(none.status).toBe(401)
    expect(await none.json()).toEqual({ code: 'unauthenticated', message: 'sign in, or send a bearer token' })
    const fake = await s.api('/state', { token: 'ioc_k_madeup' })
    expect(((await fake.json()) as ApiError).message).toBe('the ingest-key token is unknown or revoked')
  })

  test('a revoked ingest key is refused', async () => {
    await s.store.revokeToken('ingest-key', 'feed', Date.now())
    const res = await s.ingest('[]', 'application/json')
    expect(res.status).toBe(401)
  })
})

describe('hardening', () => {
  test('security headers are set', async () => {
    const res = await s.api('/health')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  test('CORS answers only the configured origins', async () => {
    const allowed = await s.api('/health', { headers: { origin: 'https://wall.ioc.vn' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://wall.ioc.vn')
    const other = await s.api('/health', { headers: { origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('failed logins are rate limited per address', async () => {
    const tries = []
    for (let i = 0; i < 4; i++)
      tries.push((await s.api('/auth/login', post({ name: 'x', password: 'y' }))).status)
    // One failure already happened above in this file; the limit is 3 per 15 minutes.
    expect(tries).toContain(429)
    const res = await s.api('/auth/login', post({ name: 'operator', password: 'a long enough password' }))
    expect(res.status).toBe(429)
    expect(((await res.json()) as ApiError).code).toBe('rate_limited')
  })
})
