import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { createApiClient } from '../api/api-client'
import { useLive } from '../connection/live-provider'
import { useFormatters } from '../hooks/use-formatters'
import { type Gauge, gaugeAt } from '../state/network-index'
import { horizonPeak } from './horizon-peak'
import { useWaterForecasts } from './use-water-forecasts'
import './forecast.css'

/**
 * "Next 3 h: Phú An peak 1.68 m at 18:20, báo động III", one line per tide gauge, on the wall.
 * The wall's own display token (in its URL) reads the forecasts; a desk uses its session cookie.
 */
export function ForecastHorizon() {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const { index } = useLive()
  const [params] = useSearchParams()
  const token = params.get('token')
  const api = useMemo(() => createApiClient(token), [token])
  const gauges = useMemo(
    () => index.gaugeIdx.map((i) => gaugeAt(index, i)).filter((g): g is Gauge => g?.kind === 'tide-gauge'),
    [index],
  )
  const forecasts = useWaterForecasts(
    api,
    gauges.map((g) => g.id),
  )
  const lines = forecasts.flatMap((fc) => {
    const g = gauges.find((x) => x.id === fc.stationId)
    const peak = g ? horizonPeak(fc, g.alarmLevelsM) : null
    return g && peak ? [{ g, peak }] : []
  })
  if (lines.length === 0) return null
  return (
    <section className="forecast-horizon" aria-label={t('forecast.horizonTitle')}>
      {lines.map(({ g, peak }) => (
        <p key={g.id} className={peak.level ? `horizon-line horizon-${peak.level}` : 'horizon-line'}>
          {t(peak.level ? 'forecast.horizonAlarm' : 'forecast.horizon', {
            station: g.name,
            peak: f.metres(peak.peakM),
            time: f.time(peak.peakAt),
            level: peak.level,
          })}
        </p>
      ))}
    </section>
  )
}
