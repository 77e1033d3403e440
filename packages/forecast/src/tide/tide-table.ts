const MINUTE_MS = 60_000
const DAY_MINUTES = 1440

/**
 * A tide function evaluated once per whole minute and kept in day-long tables, linear in between.
 * @neaps evaluates every constituent on each call (~30 µs); a transfer fit asks for the same minutes
 * thousands of times. At most `maxDays` tables are kept (default 60, ~0.7 MB), oldest dropped first.
 */
export function tabulateTide(tide: (atMs: number) => number, maxDays = 60): (atMs: number) => number {
  const days = new Map<number, Float64Array>()
  const minuteValue = (minute: number): number => {
    const day = Math.floor(minute / DAY_MINUTES)
    let table = days.get(day)
    if (!table) {
      table = new Float64Array(DAY_MINUTES)
      for (let m = 0; m < DAY_MINUTES; m++) table[m] = tide((day * DAY_MINUTES + m) * MINUTE_MS)
      days.set(day, table)
      if (days.size > maxDays) days.delete(days.keys().next().value as number)
    }
    return table[minute - day * DAY_MINUTES] as number
  }
  return (atMs) => {
    const minute = Math.floor(atMs / MINUTE_MS)
    const a = minuteValue(minute)
    const f = atMs / MINUTE_MS - minute
    return f === 0 ? a : a + (minuteValue(minute + 1) - a) * f
  }
}
