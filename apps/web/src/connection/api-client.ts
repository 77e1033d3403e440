import type { ApiError } from '@ioc/domain'

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.message ?? `HTTP ${status}`)
  }
}

export interface ApiClient {
  get<T>(path: string): Promise<T>
  post<T>(path: string, body: unknown): Promise<T>
  delete(path: string): Promise<void>
}

/**
 * Fetches from the server that served the page. A wall display sends its read-only token as a bearer;
 * a signed-in desk relies on the HTTP-only session cookie.
 */
export function createApiClient(displayToken: string | null): ApiClient {
  const headers: Record<string, string> = displayToken ? { Authorization: `Bearer ${displayToken}` } : {}
  async function send<T>(path: string, init: RequestInit): Promise<T> {
    const res = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: { ...headers, ...init.headers },
    })
    if (!res.ok)
      throw new ApiRequestError(res.status, (await res.json().catch(() => null)) as ApiError | null)
    // 204 (logout, lifting a silence) has no body.
    return (res.status === 204 ? undefined : await res.json()) as T
  }
  return {
    get: (path) => send(path, { method: 'GET' }),
    post: (path, body) =>
      send(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      }),
    delete: (path) => send(path, { method: 'DELETE' }),
  }
}
