import type { AlertTransition } from '@ioc/domain'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../hooks/use-formatters'

/** Every transition of the alert, oldest first: who, when, from where, and the note. */
export function AuditTrail({ transitions }: { transitions: readonly AlertTransition[] }) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  return (
    <ol className="audit-trail" aria-label={t('console.auditTrail')}>
      {transitions.map((tr) => (
        <li key={tr.seq}>
          <time dateTime={new Date(tr.at).toISOString()}>
            {f.date(tr.at)} {f.clock(tr.at)}
          </time>
          <span className="audit-action">{t(`transition.${tr.action}`)}</span>
          <span className="audit-by">
            {tr.by === 'system' ? t('console.system') : tr.by}
            <span className="audit-origin">{t('console.origin', { origin: tr.origin })}</span>
          </span>
          {tr.note && <q className="audit-note">{tr.note}</q>}
        </li>
      ))}
    </ol>
  )
}
