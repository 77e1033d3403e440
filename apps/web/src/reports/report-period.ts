import { localTimeMs } from '@ioc/domain'

export { localDay } from '@ioc/domain'

const DAY_MS = 86_400_000

/** The API query of a period of whole local days, `fromDay` and `toDay` included ("2025-11-06"). */
export function reportQuery(fromDay: string, toDay: string, format: 'json' | 'csv' = 'json'): string {
  const from = localTimeMs(fromDay, '00:00')
  const to = localTimeMs(toDay, '00:00') + DAY_MS
  return `/api/v1/reports?from=${from}&to=${to}&format=${format}`
}
