// Ho Chi Minh City keeps UTC+07:00 all year (no daylight saving), so a fixed offset is exact.
const OFFSET_MS = 7 * 3_600_000
const DAY_MS = 86_400_000

/** Minutes since local midnight, fractional. */
export function localMinuteOfDay(epochMs: number): number {
  const local = (epochMs + OFFSET_MS) % DAY_MS
  return (local < 0 ? local + DAY_MS : local) / 60_000
}

/** Saturday or Sunday in Hồ Chí Minh City. */
export function isLocalWeekend(epochMs: number): boolean {
  const d = new Date(epochMs + OFFSET_MS).getUTCDay()
  return d === 0 || d === 6
}

/** Epoch ms of the local midnight that starts the day of `epochMs`. */
export function localMidnightMs(epochMs: number): number {
  return epochMs - localMinuteOfDay(epochMs) * 60_000
}

/** "17:40", local wall-clock time. */
export function formatLocalHhMm(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(11, 16)
}
