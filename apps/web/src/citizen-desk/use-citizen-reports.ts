import type { CitizenReportList } from '@ioc/domain'
import { useEffect, useState } from 'react'
import { type ApiClient, answer } from '../api/api-client'
import { type ApiResource, useApiResource } from '../api/use-api-resource'
import type { IocSocket } from '../connection/live-feed'

/**
 * The citizen reports of `status` (staff API), asked again whenever the server says one arrived or
 * changed (`citizen-report:changed`), when the socket reconnects, and on `reload()`; none when `enabled`
 * is false. A new report reaches the list and the map at once, without polling.
 */
export function useCitizenReports(
  desk: { api: ApiClient; socket: IocSocket },
  status: 'open' | 'all',
  enabled = true,
): ApiResource<CitizenReportList> {
  const { api, socket } = desk
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!enabled) return
    const again = () => setTick((t) => t + 1)
    // A socket back from an outage may have missed changes: ask once more. Its first connect follows
    // the first load, which already asked.
    let connectedBefore = socket.connected
    const onConnect = () => {
      if (connectedBefore) again()
      connectedBefore = true
    }
    socket.on('citizen-report:changed', again)
    socket.on('connect', onConnect)
    return () => {
      socket.off('citizen-report:changed', again)
      socket.off('connect', onConnect)
    }
  }, [socket, enabled])
  return useApiResource(
    enabled
      ? {
          key: `citizen-reports ${status}`,
          load: (signal) =>
            answer(api.GET('/api/v1/citizen-reports', { params: { query: { status } }, signal })),
        }
      : null,
    tick,
  )
}
