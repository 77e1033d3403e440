import type { Alert } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { AlertRow } from './alert-row'
import { QueueListbox, type QueueSelection } from './queue-listbox'
import type { SubjectLabel } from './subject-label'

export interface AlertQueueProps extends QueueSelection {
  alerts: readonly Alert[]
  labelOf(alert: Alert): SubjectLabel | null
  dataNow: number
}

export const optionId = (alertId: string) => `queue-${alertId}`

/** The alerts one by one, as a listbox (queue-listbox.tsx). */
export function AlertQueue({ alerts, labelOf, dataNow, ...selection }: AlertQueueProps) {
  const { t } = useTranslation()
  return (
    <QueueListbox
      {...selection}
      items={alerts}
      label={t('console.queueLabel')}
      empty={t('console.queueEmpty')}
      optionId={optionId}
      rowClass={(a) => `queue-${a.severity} ${a.ack ? 'queue-acked' : 'queue-unacked'}`}
      renderRow={(a) => <AlertRow alert={a} label={labelOf(a)} dataNow={dataNow} />}
    />
  )
}
