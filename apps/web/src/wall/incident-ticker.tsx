import type { OperationalIncident } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { explainIncident } from '../console/incident-explanation'
import { useFormatters } from '../hooks/use-formatters'
import { cssColor, SEVERITY_COLORS } from '../layers/colors'
import { sortIncidents, unackedCount } from '../state/incident-list'

/** Open incidents, most urgent first, scrolling along the bottom of the wall: one item per cause. */
export function IncidentTicker({ incidents }: { incidents: readonly OperationalIncident[] }) {
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  if (incidents.length === 0) return <div className="ticker ticker-empty">{t('ticker.empty')}</div>
  const items = sortIncidents(incidents).map((i) => (
    <span key={i.id} className="ticker-item">
      <span className="ticker-severity" style={{ background: cssColor(SEVERITY_COLORS[i.severity]) }}>
        {t(`severity.${i.severity}`)}
      </span>
      <span>{explainIncident(i, t, lang)}</span>
      <span className="ticker-time">{f.time(i.openedAt)}</span>
      <span className={unackedCount(i) ? 'ticker-unack' : 'ticker-ack'}>
        {unackedCount(i) ? t('ticker.unacknowledged') : t('ticker.acknowledged')}
      </span>
    </span>
  ))
  // Two copies scroll as one endless band; the second is hidden from screen readers.
  return (
    <div className="ticker" role="marquee" aria-live="polite">
      <div className="ticker-track" style={{ animationDuration: `${Math.max(30, incidents.length * 14)}s` }}>
        <div className="ticker-run">{items}</div>
        <div className="ticker-run" aria-hidden="true">
          {items}
        </div>
      </div>
    </div>
  )
}
