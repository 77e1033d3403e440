import { lazy, Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, answer } from '../api/api-client'
import { historyRequest } from '../api/history-request'
import { useApiResource } from '../api/use-api-resource'
import type { Gauge } from '../state/network-index'
import { gaugeForecastData } from './gauge-forecast-data'

const GaugeForecastChart = lazy(() => import('./gauge-forecast-chart'))
/** The observed curve shown before the forecast time. */
const PAST_MS = 12 * 3_600_000

/**
 * A tide gauge's last 12 h and its 24 h forecast in one chart. The observed part needs history:read;
 * without it (operators) the forecast is shown alone.
 */
export function GaugeForecastPanel({ api, gauge }: { api: ApiClient; gauge: Gauge }) {
  const { t } = useTranslation()
  const stationId = gauge.id
  const forecast = useApiResource({
    key: `forecast ${stationId}`,
    load: (signal) =>
      answer(api.GET('/api/v1/forecast/water/{stationId}', { params: { path: { stationId } }, signal })),
  })
  const issuedAt = forecast.data?.issuedAt
  const history = useApiResource(
    issuedAt === undefined
      ? null
      : historyRequest(
          api,
          { type: 'station', id: stationId },
          { from: issuedAt - PAST_MS, to: issuedAt + 1, maxPoints: 500 },
        ),
  )
  const data = useMemo(
    () =>
      forecast.data
        ? gaugeForecastData(history.data ?? { points: [] }, forecast.data, gauge.alarmLevelsM)
        : null,
    [forecast.data, history.data, gauge.alarmLevelsM],
  )
  return (
    <figure className="gauge-forecast-panel">
      <figcaption>{gauge.name}</figcaption>
      {data ? (
        <Suspense fallback={null}>
          <GaugeForecastChart data={data} heightPx={180} />
        </Suspense>
      ) : (
        <p className="muted">{forecast.error ?? t('reports.loading')}</p>
      )}
    </figure>
  )
}
