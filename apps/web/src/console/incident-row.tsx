import type { OperationalIncident } from '@ioc/domain'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'
import { openCount, unackedCount } from '../state/incident-list'
import { explainIncident } from './incident-explanation'
import { SeverityBadge } from './severity-badge'

/** One line of the incident queue: how bad, why these alerts are one, how many still need someone. */
export const IncidentRow = memo(function IncidentRow({
  incident,
  dataNow,
}: {
  incident: OperationalIncident
  dataNow: number
}) {
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  const unacked = unackedCount(incident)
  return (
    <>
      <SeverityBadge severity={incident.severity} />
      <strong className="incident-explanation">{explainIncident(incident, t, lang)}</strong>
      <span className="incident-meta">
        <span>{t('opsIncidents.alerts', { count: openCount(incident) })}</span>
        <span className={unacked ? 'incident-unacked' : 'incident-acked'}>
          {unacked ? t('opsIncidents.unacked', { count: unacked }) : t('opsIncidents.allAcked')}
        </span>
        {incident.assignee && <span>{t('opsIncidents.assignedTo', { to: incident.assignee.to })}</span>}
        <span className="row-age" title={`${f.date(incident.openedAt)} ${f.clock(incident.openedAt)}`}>
          {f.duration(dataNow - incident.openedAt)}
        </span>
      </span>
    </>
  )
})
