import { useCallback, useEffect, useState } from 'react'
import { type ApiClient, ApiRequestError } from '../connection/api-client'

export interface ApiResource<T> {
  /** The last answer for this path; null while the first request for it is under way or failed. */
  data: T | null
  /** The server's message when the request failed. */
  error: string | null
  reload(): void
}

/**
 * GETs `path` (nothing when null), again when it or `refreshKey` changes or on `reload()`, keeping the
 * last answer on screen meanwhile; a late answer for an old path is dropped.
 */
export function useApiResource<T>(api: ApiClient, path: string | null, refreshKey?: unknown): ApiResource<T> {
  const [result, setResult] = useState<{ path: string | null; data: T | null; error: string | null }>({
    path: null,
    data: null,
    error: null,
  })
  const [epoch, setEpoch] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch and refreshKey ask again for the same path.
  useEffect(() => {
    if (path === null) return
    let current = true
    api.get<T>(path).then(
      (data) => current && setResult({ path, data, error: null }),
      (err: unknown) =>
        current &&
        setResult((r) => ({
          path,
          data: r.path === path ? r.data : null,
          error: err instanceof ApiRequestError ? err.message : String(err),
        })),
    )
    return () => {
      current = false
    }
  }, [api, path, epoch, refreshKey])

  const reload = useCallback(() => setEpoch((e) => e + 1), [])
  const same = result.path === path
  return { data: same ? result.data : null, error: same ? result.error : null, reload }
}
