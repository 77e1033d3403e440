import { type Alert, alertState } from '@ioc/domain'
import type { TFunction } from 'i18next'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'
import { formatMeasure } from './measure'
import { SeverityBadge } from './severity-badge'
import type { SubjectLabel } from './subject-label'

export interface AlertRowProps {
  alert: Alert
  label: SubjectLabel | null
  /** Data time, epoch ms: ages count from it so a replayed or delayed feed reads right. */
  dataNow: number
}

/**
 * One line of the queue: who, what, how bad, for how long, and who has it. Memoised: a flood night puts
 * hundreds of rows in the queue, and only the rows whose alert changed need drawing again.
 */
export const AlertRow = memo(function AlertRow({ alert, label, dataNow }: AlertRowProps) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const state = alertState(alert)
  return (
    <>
      <SeverityBadge severity={alert.severity} />
      <span className="row-subject">
        <strong>{subjectName(label, alert, t)}</strong>
        {label && <span className="row-district">{label.district}</span>}
      </span>
      <span className="row-kind">{t(`alertKind.${alert.kind}`)}</span>
      <span className="row-value">
        {t('console.valueOfThreshold', {
          value: formatMeasure(f, alert.value, alert.unit),
          threshold: formatMeasure(f, alert.threshold, alert.unit),
        })}
      </span>
      <span className="row-age" title={`${f.date(alert.raisedAt)} ${f.clock(alert.raisedAt)}`}>
        {f.duration(dataNow - alert.raisedAt)}
      </span>
      <span className={`row-state state-${state}`}>{t(`alertState.${state}`)}</span>
      <span className="row-assignee">
        {alert.assignee ? t('console.assignedTo', { name: alert.assignee.to }) : t('console.unassigned')}
      </span>
    </>
  )
})

export function subjectName(label: SubjectLabel | null, alert: Alert, t: TFunction): string {
  if (!label) return alert.subject.id
  return label.name || t('console.unnamedSegment', { id: alert.subject.id })
}
