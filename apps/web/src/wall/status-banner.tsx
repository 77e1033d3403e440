import { useTranslation } from 'react-i18next'
import type { ConnectionStatus } from '../connection/connection-status'
import { useFormatters } from '../hooks/use-formatters'

export interface StatusBannerProps {
  status: ConnectionStatus
  lastDataAt: number | null
  now: number
}

/** Impossible to miss from across the room: the map may be showing old data. Nothing when all is well. */
export function StatusBanner({ status, lastDataAt, now }: StatusBannerProps) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  if (status === 'connected') return null
  return (
    <div className={`status-banner status-${status}`} role="alert">
      <strong>{t(`status.${status}`)}</strong>
      <span>
        {lastDataAt === null
          ? t('status.never')
          : t('status.lastUpdate', { ago: f.ago(lastDataAt, now), time: f.clock(lastDataAt) })}
      </span>
    </div>
  )
}
