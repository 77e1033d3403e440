import type { Alert } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { SeverityBadge } from '../console/severity-badge'
import { useFormatters } from '../hooks/use-formatters'

export interface AlertComparisonProps {
  /** Alerts of the day as recorded, raised up to the replay clock, newest first. */
  recorded: Alert[]
  /** Alerts the rules engine gives over the replayed data (what-if rules when `whatIf`). */
  replayed: Alert[]
  whatIf: boolean
  describeAlert: (a: Alert) => string
  onSeek: (ms: number) => void
}

/** The recorded alerts beside the replayed (or what-if) ones, each list with its count. */
export function AlertComparison({ recorded, replayed, whatIf, describeAlert, onSeek }: AlertComparisonProps) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const list = (id: string, title: string, alerts: Alert[], source: 'recorded' | 'replayed') => (
    <section className={`comparison-list comparison-${source}`} aria-labelledby={id}>
      <h3 id={id}>
        <span className={`comparison-key marker-${source}`} aria-hidden="true" /> {title}
      </h3>
      {alerts.length === 0 ? (
        <p className="muted">{t('replay.alerts.none')}</p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={a.id}>
              <button type="button" className="comparison-item" onClick={() => onSeek(a.raisedAt)}>
                <SeverityBadge severity={a.severity} />
                <span className="comparison-name">{describeAlert(a)}</span>
                <span className="comparison-time">
                  {f.time(a.raisedAt)}
                  {a.clearedAt !== null && `–${f.time(a.clearedAt)}`}
                </span>
                {a.ack && (
                  <span className="muted">
                    {t('replay.alerts.ackBy', { by: a.ack.by, time: f.time(a.ack.at) })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
  return (
    <div className="alert-comparison">
      <p className="muted">{t('replay.alerts.note')}</p>
      <div className="comparison-lists">
        {list('cmp-recorded', t('replay.alerts.recorded', { count: recorded.length }), recorded, 'recorded')}
        {list(
          'cmp-replayed',
          t(whatIf ? 'replay.alerts.whatIf' : 'replay.alerts.replayed', { count: replayed.length }),
          replayed,
          'replayed',
        )}
      </div>
    </div>
  )
}
