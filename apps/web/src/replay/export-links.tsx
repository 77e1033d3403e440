import { useTranslation } from 'react-i18next'
import { apiHref } from '../api/api-client'
import type { TimeRange } from './marker-layout'

/** `GET /api/v1/export` of the range's observations and alerts; the session cookie authorises the download. */
export function exportUrl(range: TimeRange, format: 'ndjson' | 'csv'): string {
  const period = { from: String(range.from), to: String(range.to) }
  return apiHref('/api/v1/export', { ...period, format, include: 'observations,alerts' })
}

export function ExportLinks({ range }: { range: TimeRange }) {
  const { t } = useTranslation()
  return (
    <nav className="export-links" aria-label={t('replay.export.title')}>
      <span>{t('replay.export.title')}</span>
      <a href={exportUrl(range, 'ndjson')} download>
        NDJSON
      </a>
      <a href={exportUrl(range, 'csv')} download>
        CSV
      </a>
    </nav>
  )
}
