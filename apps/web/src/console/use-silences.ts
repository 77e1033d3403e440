import type { Silence } from '@ioc/domain'
import { useEffect, useMemo, useState } from 'react'
import { type ApiClient, answer } from '../api/api-client'
import { type ApiResource, useApiResource } from '../api/use-api-resource'
import type { IocSocket } from '../connection/live-feed'
import { mergeSilences } from './merge-silences'

/**
 * The silences, loaded once and kept current by `silence:changed`: a silence another officer sets or
 * lifts shows here at once, without a reload.
 */
export function useSilences(api: ApiClient, socket: IocSocket): ApiResource<Silence[]> {
  const list = useApiResource({
    key: 'silences',
    load: (signal) => answer(api.GET('/api/v1/silences', { signal })),
  })
  const [changes, setChanges] = useState<ReadonlyMap<string, Silence>>(new Map())
  useEffect(() => {
    const onChange = (s: Silence) => setChanges((c) => new Map(c).set(s.id, s))
    socket.on('silence:changed', onChange)
    return () => {
      socket.off('silence:changed', onChange)
    }
  }, [socket])
  const data = useMemo(
    () => (list.data ? mergeSilences(list.data.silences, changes) : null),
    [list.data, changes],
  )
  return { data, error: list.error, reload: list.reload }
}
