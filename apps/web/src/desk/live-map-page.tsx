import { can } from '@ioc/domain'
import { useMemo } from 'react'
import { useAuth } from '../auth/auth-provider'
import { SignedOut } from '../auth/signed-out'
import { useCitizenReports } from '../citizen-desk/use-citizen-reports'
import { connectionStatus, lastUpdateAt } from '../connection/connection-status'
import { DeskLive, useDeskConnection } from '../connection/desk-connection'
import { useLive } from '../connection/live-provider'
import { useDeskForecast } from '../forecast/use-desk-forecast'
import { useNow } from '../hooks/use-now'
import { citizenReportLayer } from '../layers/citizen-report-layer'
import { Legend } from '../map/legend'
import { LiveMap } from '../map/live-map'
import { StatusBanner } from '../wall/status-banner'

function DeskMap() {
  const { view } = useLive()
  const now = useNow()
  const forecast = useDeskForecast()
  const { user } = useAuth()
  const citizen = useCitizenReports(
    useDeskConnection(),
    'open',
    !!user && can({ kind: 'user', ...user }, 'citizen:view'),
  )
  const overlays = useMemo(
    () => [...forecast.overlays, ...(citizen.data ? [citizenReportLayer(citizen.data.reports, 1)] : [])],
    [forecast.overlays, citizen.data],
  )
  return (
    <div className="desk-map">
      <LiveMap theme="light" scale={1} interactive overlays={overlays} />
      {forecast.controls}
      <StatusBanner status={connectionStatus(view, now)} lastDataAt={lastUpdateAt(view, now)} now={now} />
      <Legend />
    </div>
  )
}

/** The live map on a desk: light theme, pan and zoom, tooltips. */
export default function LiveMapPage() {
  return (
    <DeskLive
      loading={<StatusBanner status="connecting" lastDataAt={null} now={0} />}
      refused={<SignedOut />}
    >
      <DeskMap />
    </DeskLive>
  )
}
