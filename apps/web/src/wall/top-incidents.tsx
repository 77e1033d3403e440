import type { OperationalIncident } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { explainIncident } from '../console/incident-explanation'
import { useFormatters } from '../hooks/use-formatters'
import { sortIncidents, unackedCount } from '../state/incident-list'

/** How many incidents the wall names under its numbers at 1080p; the rest are counted. */
const SHOWN = 3

/** The most urgent open incidents, each in one sentence, readable across the room. */
export function TopIncidents({ incidents }: { incidents: readonly OperationalIncident[] }) {
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  if (incidents.length === 0) return null
  const top = sortIncidents(incidents).slice(0, SHOWN)
  return (
    <section className="top-incidents" aria-label={t('opsIncidents.wall.top')}>
      {/* The count of the rest heads the list, so a short screen cuts an incident, never the count. */}
      <div className="top-heading">
        <span className="kpi-label">{t('opsIncidents.wall.top')}</span>
        {incidents.length > SHOWN && (
          <span className="kpi-sub">{t('opsIncidents.wall.more', { count: incidents.length - SHOWN })}</span>
        )}
      </div>
      <ol>
        {top.map((i) => (
          <li key={i.id} className={unackedCount(i) ? 'top-unacked' : ''}>
            <span className={`top-severity severity-fill severity-${i.severity}`} />
            <span className="top-text">{explainIncident(i, t, lang)}</span>
            <time className="top-time">{f.time(i.openedAt)}</time>
          </li>
        ))}
      </ol>
    </section>
  )
}
