// Hồ Chí Minh City keeps UTC+07:00 all year (no daylight saving since 1975), so a fixed offset is exact.
export const HCMC_TIME_ZONE = 'Asia/Ho_Chi_Minh'
/** The offset as ISO 8601 writes it. */
export const HCMC_UTC_OFFSET = '+07:00'
export const HCMC_OFFSET_MS = 7 * 3_600_000
const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

/** `2025-11-06T17:05:00+07:00` for an epoch time in ms (whole seconds; milliseconds dropped). */
export function formatLocalIso(epochMs: number): string {
  return `${new Date(epochMs + HCMC_OFFSET_MS).toISOString().slice(0, 19)}${HCMC_UTC_OFFSET}`
}

/** "17:40", local wall-clock time. */
export function formatLocalHhMm(epochMs: number): string {
  return new Date(epochMs + HCMC_OFFSET_MS).toISOString().slice(11, 16)
}

/** "2025-11-06", the local calendar day. */
export function localDay(epochMs: number): string {
  return new Date(epochMs + HCMC_OFFSET_MS).toISOString().slice(0, 10)
}

/** The local hour of the day, 0–23. */
export function localHour(epochMs: number): number {
  return new Date(epochMs + HCMC_OFFSET_MS).getUTCHours()
}

/** Minutes since local midnight, fractional. */
export function localMinuteOfDay(epochMs: number): number {
  const local = (epochMs + HCMC_OFFSET_MS) % DAY_MS
  return (local < 0 ? local + DAY_MS : local) / MINUTE_MS
}

/** Epoch ms of the local midnight that starts the day of `epochMs`. */
export function localMidnightMs(epochMs: number): number {
  return Math.floor((epochMs + HCMC_OFFSET_MS) / DAY_MS) * DAY_MS - HCMC_OFFSET_MS
}

/** Local day of week, 0 = Sunday … 6 = Saturday. */
export function localDayOfWeek(epochMs: number): number {
  return new Date(epochMs + HCMC_OFFSET_MS).getUTCDay()
}

/** Saturday or Sunday in Hồ Chí Minh City. */
export function isLocalWeekend(epochMs: number): boolean {
  const d = localDayOfWeek(epochMs)
  return d === 0 || d === 6
}

/** Epoch ms of a local date and time, e.g. `localTimeMs('2013-03-17', '20:30')`; NaN when malformed. */
export function localTimeMs(date: string, hhmm: string): number {
  return Date.parse(`${date}T${hhmm}:00${HCMC_UTC_OFFSET}`)
}
