import type { OperationalIncident } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { unackedCount } from '../state/incident-list'
import { IncidentRow } from './incident-row'
import { QueueListbox, type QueueSelection } from './queue-listbox'

export interface IncidentQueueProps extends QueueSelection {
  incidents: readonly OperationalIncident[]
  dataNow: number
}

export const incidentOptionId = (id: string) => `incident-${id}`

/** The incidents, one row each, as a listbox with the alert queue's keys (queue-listbox.tsx). */
export function IncidentQueue({ incidents, dataNow, ...selection }: IncidentQueueProps) {
  const { t } = useTranslation()
  return (
    <QueueListbox
      {...selection}
      items={incidents}
      label={t('opsIncidents.queueLabel')}
      empty={t('opsIncidents.queueEmpty')}
      optionId={incidentOptionId}
      rowClass={(i) =>
        `incident-row queue-${i.severity} ${unackedCount(i) ? 'queue-unacked' : 'queue-acked'}`
      }
      renderRow={(i) => <IncidentRow incident={i} dataNow={dataNow} />}
    />
  )
}
