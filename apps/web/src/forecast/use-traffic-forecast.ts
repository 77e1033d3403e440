import type { TrafficForecast } from '@ioc/domain'
import { useEffect, useState } from 'react'
import { type ApiClient, answer } from '../api/api-client'

const REFRESH_MS = 5 * 60_000

/** The 30-min traffic forecast while `enabled`, refreshed; null when off or not yet available. */
export function useTrafficForecast(api: ApiClient, enabled: boolean): TrafficForecast | null {
  const [forecast, setForecast] = useState<TrafficForecast | null>(null)
  useEffect(() => {
    if (!enabled) return setForecast(null)
    let current = true
    const load = () =>
      answer(api.GET('/api/v1/forecast/traffic', { params: { query: { lead: 30 } } })).then(
        (f) => current && setForecast(f),
        () => current && setForecast(null),
      )
    void load()
    const timer = setInterval(load, REFRESH_MS)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [api, enabled])
  return forecast
}
