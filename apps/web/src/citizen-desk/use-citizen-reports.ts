import type { CitizenReportList } from '@ioc/domain'
import { useEffect, useMemo, useState } from 'react'
import { answer, createApiClient } from '../api/api-client'
import { type ApiResource, useApiResource } from '../api/use-api-resource'

/** New reports arrive at a citizen's pace: asking every 15 s keeps the list and the map fresh enough. */
export const CITIZEN_REFRESH_MS = 15_000

/** The citizen reports of `status` (staff API), asked again every 15 s and on `reload()`; none when `enabled` is false. */
export function useCitizenReports(status: 'open' | 'all', enabled = true): ApiResource<CitizenReportList> {
  const api = useMemo(() => createApiClient(null), [])
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!enabled) return
    const timer = setInterval(() => setTick((t) => t + 1), CITIZEN_REFRESH_MS)
    return () => clearInterval(timer)
  }, [enabled])
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
