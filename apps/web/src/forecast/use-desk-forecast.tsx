import type { Layer } from '@deck.gl/core'
import { type ReactNode, useMemo, useState } from 'react'
import { createApiClient } from '../api/api-client'
import { useLive } from '../connection/live-provider'
import { type Gauge, gaugeAt } from '../state/network-index'
import { ForecastMapToggle } from './forecast-map-toggle'
import { forecastSpeedLayer } from './forecast-speed-layer'
import { useTrafficForecast } from './use-traffic-forecast'

/** The desk map's forecasts on demand: the layer to draw over the live speeds and the toggle that asks for it. */
export function useDeskForecast(): { overlays: Layer[]; controls: ReactNode } {
  const { index } = useLive()
  const [on, setOn] = useState(false)
  // The desk is signed in with its session cookie.
  const api = useMemo(() => createApiClient(null), [])
  const forecast = useTrafficForecast(api, on)
  const gauges = useMemo(
    () => index.gaugeIdx.map((i) => gaugeAt(index, i)).filter((g): g is Gauge => g?.kind === 'tide-gauge'),
    [index],
  )
  const overlays = useMemo(
    () => (forecast ? [forecastSpeedLayer(index, forecast, 1)] : []),
    [index, forecast],
  )
  return {
    overlays,
    controls: <ForecastMapToggle on={on} onChange={setOn} forecast={forecast} api={api} gauges={gauges} />,
  }
}
