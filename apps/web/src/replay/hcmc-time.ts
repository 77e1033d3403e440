/** HCMC keeps UTC+07:00 all year (no daylight saving since 1975), so local times are a fixed offset. */
const OFFSET_MS = 7 * 3_600_000

/** `ms` as a `datetime-local` input shows it in HCMC time: "2025-11-06T15:00". */
export function toLocalInput(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16)
}

/** A `datetime-local` value read as HCMC time, whatever the zone of the analyst's machine; null if empty or bad. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null
  const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}+07:00`)
  return Number.isNaN(ms) ? null : ms
}

/** Midnight in HCMC of the day that holds `ms`. */
export function startOfLocalDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / 86_400_000) * 86_400_000 - OFFSET_MS
}
