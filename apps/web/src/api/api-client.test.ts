import { expect, test } from 'vitest'
import { ApiRequestError, answer, apiHref, createApiClient, done } from './api-client'
import { testFetch } from './test-fetch'

test('a call goes to the documented path with its parameters, and answers its body', async () => {
  const asked: string[] = []
  const api = createApiClient(
    null,
    testFetch(async (method, path) => {
      asked.push(`${method} ${path}`)
      return { users: [{ name: 'trucban1', role: 'duty-officer' }] }
    }),
  )
  const { users } = await answer(api.GET('/api/v1/users', { params: { query: { role: 'duty-officer' } } }))
  expect(users.map((u) => u.name)).toEqual(['trucban1'])
  expect(asked).toEqual(['GET /api/v1/users?role=duty-officer'])
})

test("a refusal throws with the server's own message; a body that is no ApiError keeps only the status", async () => {
  const message = 'Cảnh báo al-1 đã được xác nhận bởi trucban2 lúc 17:34'
  const api = createApiClient(
    null,
    testFetch(async (_m, path) => {
      throw new ApiRequestError(
        path.endsWith('/ack') ? 409 : 502,
        path.endsWith('/ack') ? { code: 'conflict', message } : null,
      )
    }),
  )
  const refused = answer(
    api.POST('/api/v1/alerts/{id}/ack', { params: { path: { id: 'al-1' } }, body: { note: '' } }),
  )
  await expect(refused).rejects.toMatchObject({ status: 409, message, body: { code: 'conflict' } })
  const lifted = done(api.DELETE('/api/v1/silences/{id}', { params: { path: { id: 's-1' } } }))
  await expect(lifted).rejects.toMatchObject({ status: 502, message: 'HTTP 502', body: null })
})

test('a display token goes as a bearer; a desk sends its cookie', async () => {
  const seen: (string | null)[] = []
  const fetch: typeof globalThis.fetch = async (input) => {
    const request = input as Request
    seen.push(request.headers.get('authorization'), request.credentials)
    return Response.json({ principal: { kind: 'display', name: 'tuong-1' }, permissions: [] })
  }
  await answer(createApiClient('tok', fetch).GET('/api/v1/auth/me'))
  expect(seen).toEqual(['Bearer tok', 'same-origin'])
})

test('a download link is typed like a call', () => {
  expect(apiHref('/api/v1/reports', { from: '1', to: '2', format: 'csv' })).toBe(
    '/api/v1/reports?from=1&to=2&format=csv',
  )
})
