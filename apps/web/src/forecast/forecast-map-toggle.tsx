import type { TrafficForecast } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../api/api-client'
import { useFormatters } from '../hooks/use-formatters'
import type { Gauge } from '../state/network-index'
import { GaugeForecastPanel } from './gauge-forecast-panel'
import './forecast.css'

/**
 * Switches the desk map between live speeds and the 30-min forecast (and says when that was made);
 * while on, the tide gauges' observed and forecast curves are shown beside the map.
 */
export function ForecastMapToggle(props: {
  on: boolean
  onChange(on: boolean): void
  forecast: TrafficForecast | null
  api: ApiClient
  gauges: readonly Gauge[]
}) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  return (
    <div className="forecast-map-toggle">
      <button type="button" aria-pressed={props.on} onClick={() => props.onChange(!props.on)}>
        {props.on ? t('forecast.mapToggleOff') : t('forecast.mapToggle')}
      </button>
      {props.on && props.forecast && (
        <span>{t('forecast.issuedAt', { time: f.time(props.forecast.issuedAt) })}</span>
      )}
      {props.on && props.gauges.map((g) => <GaugeForecastPanel key={g.id} api={props.api} gauge={g} />)}
    </div>
  )
}
