import type { WaterForecast } from '@ioc/domain'
import { useEffect, useState } from 'react'
import { type ApiClient, answer } from '../api/api-client'

/** The server forecasts every 10 min; asking every 5 shows a new forecast at most 5 min late. */
const REFRESH_MS = 5 * 60_000

/** The latest forecast of each gauge, refreshed; a gauge without a forecast (yet) is left out. */
export function useWaterForecasts(api: ApiClient, stationIds: readonly string[]): WaterForecast[] {
  const [forecasts, setForecasts] = useState<WaterForecast[]>([])
  const key = stationIds.join(',')
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for stationIds' contents.
  useEffect(() => {
    let current = true
    const load = () =>
      Promise.all(
        stationIds.map((id) =>
          answer(
            api.GET('/api/v1/forecast/water/{stationId}', { params: { path: { stationId: id } } }),
          ).catch(() => null),
        ),
      ).then((all) => {
        if (current) setForecasts(all.filter((f): f is WaterForecast => f !== null))
      })
    void load()
    const timer = setInterval(load, REFRESH_MS)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [api, key])
  return forecasts
}
