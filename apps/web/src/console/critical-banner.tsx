import type { Alert } from '@ioc/domain'
import { useTranslation } from 'react-i18next'

export interface CriticalBannerProps {
  alerts: readonly { alert: Alert; name: string }[]
  onOpen(id: string): void
  onDismiss(): void
}

/** The visual half of the cue for new critical alerts; flashes (unless the user asked for less motion). */
export function CriticalBanner({ alerts, onOpen, onDismiss }: CriticalBannerProps) {
  const { t } = useTranslation()
  const first = alerts[0]
  if (!first) return null
  return (
    <div className="critical-banner" role="alert">
      <strong>{t('console.newCritical', { count: alerts.length })}</strong>
      <span>{alerts.map((a) => a.name).join(' · ')}</span>
      <button type="button" onClick={() => onOpen(first.alert.id)}>
        {t('console.openAlert')}
      </button>
      <button type="button" onClick={onDismiss}>
        {t('console.dismiss')}
      </button>
    </div>
  )
}
