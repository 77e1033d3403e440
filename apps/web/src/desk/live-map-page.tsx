import { useMemo, useState } from 'react'
import { SignedOut } from '../auth/signed-out'
import { createApiClient } from '../connection/api-client'
import { connectionStatus } from '../connection/connection-status'
import { LiveProvider, useLive } from '../connection/live-provider'
import { ForecastMapToggle } from '../forecast/forecast-map-toggle'
import { forecastSpeedLayer } from '../forecast/forecast-speed-layer'
import { useTrafficForecast } from '../forecast/use-traffic-forecast'
import { useNow } from '../hooks/use-now'
import { Legend } from '../map/legend'
import { LiveMap } from '../map/live-map'
import { StatusBanner } from '../wall/status-banner'

function DeskMap() {
  const { index, view } = useLive()
  const now = useNow()
  const [forecastOn, setForecastOn] = useState(false)
  const api = useMemo(() => createApiClient(null), [])
  const forecast = useTrafficForecast(api, forecastOn)
  const overlays = useMemo(
    () => (forecast ? [forecastSpeedLayer(index, forecast, 1)] : []),
    [index, forecast],
  )
  return (
    <div className="desk-map">
      <LiveMap theme="light" scale={1} interactive overlays={overlays} />
      <ForecastMapToggle on={forecastOn} onChange={setForecastOn} forecast={forecast} />
      <StatusBanner status={connectionStatus(view, now)} lastDataAt={view.lastDataAt} now={now} />
      <Legend />
    </div>
  )
}

/** The live map on a desk: light theme, pan and zoom, tooltips. */
export default function LiveMapPage() {
  return (
    <LiveProvider
      displayToken={null}
      loading={<StatusBanner status="connecting" lastDataAt={null} now={0} />}
      refused={<SignedOut />}
    >
      <DeskMap />
    </LiveProvider>
  )
}
