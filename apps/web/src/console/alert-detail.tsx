import type { Alert, AlertAction } from '@ioc/domain'
import { alertState } from '@ioc/domain'
import { lazy, type Ref, Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, answer } from '../api/api-client'
import { historyRequest } from '../api/history-request'
import { useApiResource } from '../api/use-api-resource'
import { useFormatters } from '../hooks/use-formatters'
import { useNow } from '../hooks/use-now'
import type { NetworkIndex } from '../state/network-index'
import { AlertActionForms } from './alert-action-forms'
import { subjectName } from './alert-row'
import { AuditTrail } from './audit-trail'
import { chartData, historyRange } from './chart-data'
import { formatMeasure } from './measure'
import { SeverityBadge } from './severity-badge'
import type { SubjectLabel } from './subject-label'

const SubjectChart = lazy(() => import('./subject-chart'))

export interface AlertDetailProps {
  alert: Alert
  label: SubjectLabel | null
  index: NetworkIndex
  api: ApiClient
  dataNow: number
  officers: readonly string[] | null
  onAct(action: AlertAction): Promise<boolean>
  onSilence(): void
  headingRef?: Ref<HTMLHeadingElement>
}

/** An opened alert: what it says, its subject's last hours, what to do about it, and its audit trail. */
export function AlertDetail(props: AlertDetailProps) {
  const { alert, label, index, api, dataNow } = props
  const { t } = useTranslation()
  const { f, lang } = useFormatters()
  const minute = useNow(60_000)
  const id = alert.id
  const detail = useApiResource(
    {
      key: `alert ${id}`,
      load: (signal) => answer(api.GET('/api/v1/alerts/{id}', { params: { path: { id } }, signal })),
    },
    alert.updatedAt,
  )
  // Asked again when the alert changes or a minute passes, not on every tick of the data clock.
  // biome-ignore lint/correctness/useExhaustiveDependencies: dataNow is read when the minute turns.
  const range = useMemo(() => historyRange(alert, dataNow), [alert.id, alert.updatedAt, minute])
  const history = useApiResource(historyRequest(api, alert.subject, range))
  const chart = history.data ? chartData(index, alert, history.data) : null
  const name = subjectName(label, alert, t)
  const when = (ms: number) => `${f.date(ms)} ${f.clock(ms)}`

  return (
    <article className="alert-detail" aria-labelledby="alert-detail-title">
      <header>
        <SeverityBadge severity={alert.severity} />
        <h2 id="alert-detail-title" tabIndex={-1} ref={props.headingRef}>
          {name}
          {label && <span className="detail-district"> · {label.district}</span>}
        </h2>
      </header>
      <p className="detail-message">{alert.message[lang]}</p>
      <dl className="detail-facts">
        <dt>{t('console.kind')}</dt>
        <dd>{t(`alertKind.${alert.kind}`)}</dd>
        <dt>{t('console.state')}</dt>
        <dd>{t(`alertState.${alertState(alert)}`)}</dd>
        <dt>{t('console.value')}</dt>
        <dd>
          {t('console.valueOfThreshold', {
            value: formatMeasure(f, alert.value, alert.unit),
            threshold: formatMeasure(f, alert.threshold, alert.unit),
          })}
        </dd>
        <dt>{t('console.raised')}</dt>
        <dd>
          {when(alert.raisedAt)} ({f.duration(dataNow - alert.raisedAt)})
        </dd>
        {alert.forecastFor !== undefined && (
          <>
            <dt>{t('console.forecastFor')}</dt>
            <dd>
              {when(alert.forecastFor)}
              {alert.leadMin !== undefined &&
                ` (${t('console.lead', { lead: f.duration(alert.leadMin * 60_000) })})`}
            </dd>
          </>
        )}
        {alert.clearedAt !== null && (
          <>
            <dt>{t('console.cleared')}</dt>
            <dd>{when(alert.clearedAt)}</dd>
          </>
        )}
        {alert.ack && (
          <>
            <dt>{t('console.acknowledgedBy')}</dt>
            <dd>
              {alert.ack.by}, {when(alert.ack.at)}
              {alert.ack.note && <q>{alert.ack.note}</q>}
            </dd>
          </>
        )}
        <dt>{t('console.assignee')}</dt>
        <dd>
          {alert.assignee
            ? `${alert.assignee.to} (${alert.assignee.by}, ${when(alert.assignee.at)})`
            : t('console.unassigned')}
        </dd>
        {alert.silenced && (
          <>
            <dt>{t('console.silenced')}</dt>
            <dd>{t('console.silencedNote')}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="detail-chart-title">
        <h3 id="detail-chart-title">{t('console.chartTitle', { name })}</h3>
        {chart && chart.xs.length > 0 ? (
          <Suspense fallback={<p className="muted">{t('console.loading')}</p>}>
            <SubjectChart data={chart} />
          </Suspense>
        ) : (
          <p className="muted">
            {history.error ?? (history.data ? t('console.noHistory') : t('console.loading'))}
          </p>
        )}
      </section>

      <section aria-labelledby="detail-actions-title">
        <h3 id="detail-actions-title">{t('console.actions')}</h3>
        <AlertActionForms alert={alert} officers={props.officers} onAct={props.onAct} />
        <button type="button" className="link-button" onClick={props.onSilence}>
          {t('console.silenceSubject', { name })}
        </button>
      </section>

      <section aria-labelledby="detail-audit-title">
        <h3 id="detail-audit-title">{t('console.auditTrail')}</h3>
        {detail.data ? (
          <AuditTrail transitions={detail.data.transitions} />
        ) : (
          <p className="muted">{detail.error ?? t('console.loading')}</p>
        )}
      </section>
    </article>
  )
}
