import {
  type Alert,
  type AlertAction,
  type OperationalIncident,
  type OperationalIncidentAction,
  operationalIncidentReplayPath,
} from '@ioc/domain'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../api/api-client'
import { useApiResource } from '../api/use-api-resource'
import { useFormatters } from '../hooks/use-formatters'
import { AlertActionForms } from './alert-action-forms'
import { IncidentChecklist } from './incident-checklist'
import { explainIncident } from './incident-explanation'
import { loadIncidentDetail } from './incident-requests'
import { IncidentTimeline } from './incident-timeline'
import { SeverityBadge } from './severity-badge'
import './incidents.css'

export interface IncidentDetailProps {
  incident: OperationalIncident
  /** Its alerts as the live feed has them (resolved ones are gone from the feed). */
  alerts: readonly Alert[]
  api: ApiClient
  dataNow: number
  officers: readonly string[] | null
  /** Whether the signed-in user may open the replay (analysts, admins). */
  canReplay: boolean
  onAct(action: OperationalIncidentAction): Promise<boolean>
  onOpenAlert(alertId: string): void
  headingRef?: Ref<HTMLHeadingElement>
}

/** An opened incident: why it is one, what to do on all its alerts at once, its checklist, alerts and trail. */
export function IncidentDetail(props: IncidentDetailProps) {
  const { incident, alerts } = props
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  const { api } = props
  const id = incident.id
  const detail = useApiResource(
    { key: `incident ${id}`, load: (signal) => loadIncidentDetail(api, id, signal) },
    incident.updatedAt,
  )
  const live = new Map(alerts.map((a) => [a.id, a]))
  const open = incident.members.filter((m) => !m.resolved)
  // The forms are the alert's: what they need of the incident is whether anything is left to do.
  const asAlert = {
    ack: open.some((m) => !m.acked) ? null : (incident.ack ?? { by: '', at: 0, note: '' }),
    assignee: incident.assignee,
    active: open.some((m) => m.active),
  }

  return (
    <article className="alert-detail incident-detail" aria-labelledby="incident-detail-title">
      <header>
        <SeverityBadge severity={incident.severity} />
        <h2 id="incident-detail-title" tabIndex={-1} ref={props.headingRef}>
          {explainIncident(incident, t, lang)}
        </h2>
      </header>
      <dl className="detail-facts">
        <dt>{t('opsIncidents.opened')}</dt>
        <dd>
          {f.date(incident.openedAt)} {f.clock(incident.openedAt)} (
          {f.duration(props.dataNow - incident.openedAt)})
        </dd>
        {incident.ack && (
          <>
            <dt>{t('console.acknowledgedBy')}</dt>
            <dd>{t('opsIncidents.ackedBy', { by: incident.ack.by, time: f.time(incident.ack.at) })}</dd>
          </>
        )}
        <dt>{t('console.assignee')}</dt>
        <dd>{incident.assignee ? incident.assignee.to : t('console.unassigned')}</dd>
      </dl>
      {props.canReplay && (
        <a className="link-button" href={operationalIncidentReplayPath(incident, props.dataNow)}>
          {t('opsIncidents.replay')}
        </a>
      )}

      <section aria-labelledby="incident-actions-title">
        <h3 id="incident-actions-title">{t('console.actions')}</h3>
        <p className="form-hint">{t('opsIncidents.acknowledgeHint')}</p>
        <AlertActionForms
          alert={asAlert}
          officers={props.officers}
          onAct={(action: AlertAction) => props.onAct(action)}
        />
      </section>

      <section aria-labelledby="incident-checklist-title">
        <h3 id="incident-checklist-title">{t('opsIncidents.checklist')}</h3>
        <IncidentChecklist
          procedures={incident.checklist}
          onTick={(procedureId, stepId, done) => props.onAct({ type: 'tick', procedureId, stepId, done })}
        />
      </section>

      <section aria-labelledby="incident-members-title">
        <h3 id="incident-members-title">{t('opsIncidents.members')}</h3>
        <ul className="incident-members">
          {incident.members.map((m) => {
            const a = live.get(m.alertId)
            return (
              <li key={m.alertId}>
                <SeverityBadge severity={m.severity} />
                {a ? (
                  <button type="button" className="link-button" onClick={() => props.onOpenAlert(m.alertId)}>
                    {a.message[lang]}
                  </button>
                ) : (
                  <span className="muted">
                    {m.name || m.subject.id} · {t('opsIncidents.resolvedMember')}
                  </span>
                )}
                <span className="muted">{t(`alertKind.${m.kind}`)}</span>
              </li>
            )
          })}
        </ul>
      </section>

      <section aria-labelledby="incident-timeline-title">
        <h3 id="incident-timeline-title">{t('opsIncidents.timeline')}</h3>
        {detail.data ? (
          <IncidentTimeline events={detail.data.events} incident={incident} />
        ) : (
          <p className="muted">{detail.error ?? t('console.loading')}</p>
        )}
      </section>
    </article>
  )
}
