import type { Severity } from '@ioc/domain'
import { useTranslation } from 'react-i18next'

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation()
  return (
    <span className={`severity-badge severity-fill severity-${severity}`}>{t(`severity.${severity}`)}</span>
  )
}
