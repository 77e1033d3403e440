import type { Alert } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'
import { sortBySeverity } from '../state/alert-list'

/** Open alerts, most severe first, scrolling along the bottom of the wall. */
export function AlertTicker({ alerts }: { alerts: readonly Alert[] }) {
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  if (alerts.length === 0) return <div className="ticker ticker-empty">{t('ticker.empty')}</div>
  const items = sortBySeverity(alerts).map((a) => (
    <span key={a.id} className="ticker-item">
      <span className={`ticker-severity severity-fill severity-${a.severity}`}>
        {t(`severity.${a.severity}`)}
      </span>
      <span>{a.message[lang]}</span>
      <span className="ticker-time">{f.time(a.raisedAt)}</span>
      <span className={a.ack ? 'ticker-ack' : 'ticker-unack'}>
        {a.ack ? t('ticker.acknowledged') : t('ticker.unacknowledged')}
      </span>
    </span>
  ))
  // Two copies scroll as one endless band; the second is hidden from screen readers.
  return (
    <div className="ticker" role="marquee" aria-live="polite">
      <div className="ticker-track" style={{ animationDuration: `${Math.max(20, alerts.length * 8)}s` }}>
        <div className="ticker-run">{items}</div>
        <div className="ticker-run" aria-hidden="true">
          {items}
        </div>
      </div>
    </div>
  )
}
