import { ApiError } from '@ioc/domain'
import createClient, { type Client } from 'openapi-fetch'
import type { paths } from './api-paths'

/**
 * The server's HTTP API, typed by its OpenAPI document: paths, parameters, bodies and answers come from
 * `api-paths.ts`, generated from the document (`pnpm api:types`), so a route the server changes fails
 * the web's type check instead of its users.
 */
export type ApiClient = Client<paths, 'application/json'>

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.message ?? `HTTP ${status}`)
  }
}

/**
 * Fetches from the server that served the page. A wall display sends its read-only token as a bearer;
 * a signed-in desk relies on the HTTP-only session cookie. `fetch` is for tests.
 */
export function createApiClient(displayToken: string | null, fetch?: typeof globalThis.fetch): ApiClient {
  return createClient<paths, 'application/json'>({
    // openapi-fetch builds a `Request`, which needs an absolute URL.
    baseUrl: globalThis.location.origin,
    credentials: 'same-origin',
    headers: displayToken ? { Authorization: `Bearer ${displayToken}` } : {},
    ...(fetch && { fetch }),
  })
}

/** What an openapi-fetch call resolves to: the documented answer, or the documented error. */
type Reply<D> =
  | { data: D; error?: never; response: Response }
  | { data?: undefined; error: unknown; response: Response }

function refusal(response: Response, body: unknown): ApiRequestError {
  const error = ApiError.safeParse(body)
  return new ApiRequestError(response.status, error.success ? error.data : null)
}

/** The answer of a call that returns a body; a refusal throws an `ApiRequestError` with the server's message. */
export async function answer<D>(reply: Promise<Reply<D>>): Promise<NonNullable<D>> {
  const r = await reply
  // Every documented answer with a body is a JSON object; none is null.
  if (!r.response.ok || r.data == null) throw refusal(r.response, r.error)
  return r.data
}

/** Waits for a call that answers 204 (signing out, lifting a silence); a refusal throws as `answer` does. */
export async function done(reply: Promise<Reply<unknown>>): Promise<void> {
  const r = await reply
  if (!r.response.ok) throw refusal(r.response, r.error)
}

/** Documented routes answering GET with a query. */
type LinkPath = {
  [P in keyof paths]: paths[P]['get'] extends { parameters: { query?: infer Q } }
    ? [Q] extends [undefined]
      ? never
      : P
    : never
}[keyof paths]
type LinkQuery<P extends LinkPath> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never

/**
 * The URL of a download (a CSV report, an export) for an `<a href>`, typed like a call: the browser
 * fetches it, with the session cookie.
 */
export function apiHref<P extends LinkPath>(path: P, query: LinkQuery<P>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value))
  return `${path}?${search}`
}
