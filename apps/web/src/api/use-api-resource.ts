import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiRequestError } from './api-client'

export interface ApiResource<T> {
  /** The last answer for this request; null while the first one is under way or failed. */
  data: T | null
  /** The server's message when the request failed. */
  error: string | null
  reload(): void
}

export interface ApiRequest<T> {
  /** Names the request (its path and parameters): a new key hides the old key's answer. */
  key: string
  load(signal: AbortSignal): Promise<T>
}

/**
 * Sends `request` (nothing while it is null), again when its key or `refreshKey` changes or on
 * `reload()`, keeping the last answer on screen meanwhile; a request for an old key is aborted and its
 * late answer dropped.
 */
export function useApiResource<T>(request: ApiRequest<T> | null, refreshKey?: unknown): ApiResource<T> {
  const key = request?.key ?? null
  const [result, setResult] = useState<{ key: string | null; data: T | null; error: string | null }>({
    key: null,
    data: null,
    error: null,
  })
  const [epoch, setEpoch] = useState(0)
  // The closure is new every render; `key` says when it asks for something else.
  const latest = useRef(request)
  latest.current = request

  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch and refreshKey ask again for the same key.
  useEffect(() => {
    const asked = latest.current
    if (key === null || !asked) return
    const aborted = new AbortController()
    asked.load(aborted.signal).then(
      (data) => !aborted.signal.aborted && setResult({ key, data, error: null }),
      (err: unknown) =>
        !aborted.signal.aborted &&
        setResult((r) => ({
          key,
          data: r.key === key ? r.data : null,
          error: err instanceof ApiRequestError ? err.message : String(err),
        })),
    )
    return () => aborted.abort()
  }, [key, epoch, refreshKey])

  const reload = useCallback(() => setEpoch((e) => e + 1), [])
  const same = result.key === key
  return { data: same ? result.data : null, error: same ? result.error : null, reload }
}
