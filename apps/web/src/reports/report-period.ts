/** HCMC keeps UTC+07:00 all year, so a local calendar day is a fixed span of epoch ms. */
const OFFSET = '+07:00'
const DAY_MS = 86_400_000

/** A period of whole local days, `fromDay` and `toDay` included ("2025-11-06"), in epoch ms, `to` exclusive. */
export function reportPeriod(fromDay: string, toDay: string): { from: number; to: number } {
  return {
    from: Date.parse(`${fromDay}T00:00:00${OFFSET}`),
    to: Date.parse(`${toDay}T00:00:00${OFFSET}`) + DAY_MS,
  }
}

/** The local day of `ms` as "YYYY-MM-DD", the value of a date input. */
export function localDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10)
}
