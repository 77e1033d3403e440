import { HCMC_OFFSET_MS, HCMC_UTC_OFFSET, localMidnightMs } from '@ioc/domain'

/** `ms` as a `datetime-local` input shows it in HCMC time: "2025-11-06T15:00". */
export function toLocalInput(ms: number): string {
  return new Date(ms + HCMC_OFFSET_MS).toISOString().slice(0, 16)
}

/** A `datetime-local` value read as HCMC time, whatever the zone of the analyst's machine; null if empty or bad. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null
  const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}${HCMC_UTC_OFFSET}`)
  return Number.isNaN(ms) ? null : ms
}

/** Midnight in HCMC of the day that holds `ms`. */
export function startOfLocalDay(ms: number): number {
  return localMidnightMs(ms)
}
