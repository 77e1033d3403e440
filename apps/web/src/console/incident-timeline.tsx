import type { OperationalIncident, OperationalIncidentEvent } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'

/** What the step of an event says, in the reader's language, from the event's own copy of the text. */
function stepText(e: OperationalIncidentEvent, lang: 'vi' | 'en'): string {
  const text = e.details.text as { vi?: string; en?: string } | undefined
  return text?.[lang] ?? String(e.details.stepId ?? '')
}

/** The incident's trail, oldest first: the grouping, every action with the alerts it acted on, every tick. */
export function IncidentTimeline({
  events,
  incident,
}: {
  events: readonly OperationalIncidentEvent[]
  incident: OperationalIncident
}) {
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  const nameOf = (alertId: unknown) => incident.members.find((m) => m.alertId === alertId)?.name ?? ''
  return (
    <ol className="audit-trail incident-timeline" aria-label={t('opsIncidents.timeline')}>
      {events.map((e) => {
        const acted = Array.isArray(e.details.alertIds) ? e.details.alertIds.length : null
        return (
          <li key={e.seq}>
            <time dateTime={new Date(e.at).toISOString()}>
              {f.date(e.at)} {f.clock(e.at)}
            </time>
            <span className="audit-action">
              {t(`opsIncidents.event.${e.action}`, { to: e.details.to, step: stepText(e, lang) })}
              {e.action === 'alert-joined' && ` · ${nameOf(e.details.alertId)}`}
              {acted !== null && ` ${t('opsIncidents.actedOn', { count: acted })}`}
            </span>
            <span className="audit-by">{e.by === 'system' ? t('console.system') : e.by}</span>
            {e.note && <q className="audit-note">{e.note}</q>}
          </li>
        )
      })}
    </ol>
  )
}
