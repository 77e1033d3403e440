import { localTimeMs } from '@ioc/domain'

export { localDay } from '@ioc/domain'

const DAY_MS = 86_400_000

/** A period of whole local days, `fromDay` and `toDay` included ("2025-11-06"), in epoch ms, `to` exclusive. */
export function reportPeriod(fromDay: string, toDay: string): { from: number; to: number } {
  return { from: localTimeMs(fromDay, '00:00'), to: localTimeMs(toDay, '00:00') + DAY_MS }
}
