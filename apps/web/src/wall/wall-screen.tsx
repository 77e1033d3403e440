import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { connectionStatus, lastUpdateAt } from '../connection/connection-status'
import { useLive } from '../connection/live-provider'
import { ForecastHorizon } from '../forecast/forecast-horizon'
import { useFormatters } from '../hooks/use-formatters'
import { useNow } from '../hooks/use-now'
import { Legend } from '../map/legend'
import { LiveMap } from '../map/live-map'
import { computeKpis } from '../state/kpis'
import { IncidentTicker } from './incident-ticker'
import { KpiStrip } from './kpi-strip'
import { StatusBanner } from './status-banner'
import { TopIncidents } from './top-incidents'

/** Lines and symbols grow with the screen: 1 at 1080p, 2 at 4K (a wall is never resized). */
function wallScale(): number {
  return Math.min(2.5, Math.max(1, window.innerWidth / 1920))
}

export function WallScreen() {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const { index, feed, view } = useLive()
  const now = useNow()
  const [scale] = useState(wallScale)
  const status = connectionStatus(view, now)
  // Versions and alerts change when data does; recomputing on every clock tick would be wasted work.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the versions say when feed.state changed.
  const kpis = useMemo(
    () => computeKpis(index, feed.state, view.alerts),
    [index, feed.state, view.trafficVersion, view.waterVersion, view.alerts],
  )
  return (
    <div className={`wall wall-${status}`}>
      <LiveMap theme="dark" scale={scale} interactive={false} ringsByIncident />
      <header className="wall-header">
        <div className="wall-title">
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
        <div className={`wall-link link-${status}`}>{t(`status.${status}`)}</div>
        <div className="wall-clock">
          <time className="wall-time">{f.clock(now)}</time>
          <span className="wall-date">{f.date(now)}</span>
        </div>
      </header>
      <StatusBanner status={status} lastDataAt={lastUpdateAt(view, now)} now={now} />
      <div className="wall-left">
        <KpiStrip
          kpis={kpis}
          incidents={{
            open: view.incidents.length,
            alerts: kpis.openAlerts,
            unacked: kpis.unacknowledgedAlerts,
          }}
        />
        <TopIncidents incidents={view.incidents} />
      </div>
      <ForecastHorizon />
      <Legend />
      <IncidentTicker incidents={view.incidents} />
    </div>
  )
}
