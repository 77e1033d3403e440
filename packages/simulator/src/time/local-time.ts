// Ho Chi Minh City keeps UTC+07:00 all year (no daylight saving), so a fixed offset is exact.
export const HCMC_TIME_ZONE = 'Asia/Ho_Chi_Minh'
const OFFSET_MS = 7 * 3_600_000
const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

/** `2025-11-06T17:05:00+07:00` for an epoch time in ms (whole seconds; milliseconds dropped). */
export function formatLocalIso(epochMs: number): string {
  const iso = new Date(epochMs + OFFSET_MS).toISOString()
  return `${iso.slice(0, 19)}+07:00`
}

/** Minutes since local midnight, fractional. */
export function localMinuteOfDay(epochMs: number): number {
  const local = (epochMs + OFFSET_MS) % DAY_MS
  return (local < 0 ? local + DAY_MS : local) / MINUTE_MS
}

/** Local day of week, 0 = Sunday … 6 = Saturday. */
export function localDayOfWeek(epochMs: number): number {
  return new Date(epochMs + OFFSET_MS).getUTCDay()
}

export function isWeekend(epochMs: number): boolean {
  const d = localDayOfWeek(epochMs)
  return d === 0 || d === 6
}

/** Epoch ms of a local date and time, e.g. `localTimeMs('2013-03-17', '20:30')`. */
export function localTimeMs(date: string, hhmm: string): number {
  return Date.parse(`${date}T${hhmm}:00+07:00`)
}
