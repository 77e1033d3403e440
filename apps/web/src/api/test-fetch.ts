import { ApiRequestError } from './api-client'

/** Answers a test's request: a body (JSON, 200), undefined (204), or throws an `ApiRequestError`. */
export type TestRoute = (method: string, path: string, body: unknown) => Promise<unknown>

/**
 * A `fetch` for tests of code that talks to the server through a real `ApiClient`: `route` sees the
 * method, the path with its query and the JSON body; an `ApiRequestError` it throws is answered with
 * that status and body, as the server would.
 */
export function testFetch(route: TestRoute): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init)
    const url = new URL(request.url)
    const text = await request.text()
    try {
      const body = await route(request.method, url.pathname + url.search, text ? JSON.parse(text) : undefined)
      return body === undefined ? new Response(null, { status: 204 }) : Response.json(body)
    } catch (err) {
      if (err instanceof ApiRequestError) return Response.json(err.body, { status: err.status })
      throw err
    }
  }
}
