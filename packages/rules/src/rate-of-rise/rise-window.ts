import { roundDecimal } from '../config/round-decimal'

/**
 * The lowest reading of a sliding time window, kept as a monotonic queue (times ascending, values
 * strictly ascending), so each reading costs O(1) amortised and the queue never outgrows the window.
 */
export interface RiseWindow {
  windowMs: number
  times: number[]
  values: number[]
  /** Index of the oldest live entry; the arrays are compacted once the dead prefix grows. */
  head: number
}

export function createRiseWindow(windowMs: number): RiseWindow {
  return { windowMs, times: [], values: [], head: 0 }
}

/**
 * Adds a reading and returns how far it stands above the lowest reading of the last `windowMs`
 * (inclusive of a reading exactly `windowMs` old): the largest rise that ends now, without float
 * noise, so 1.10 − 1.00 is 0.10 and not "more than 0.10".
 */
export function pushRise(w: RiseWindow, atMs: number, value: number): number {
  const { times, values } = w
  while (values.length > w.head && (values[values.length - 1] as number) >= value) {
    values.pop()
    times.pop()
  }
  times.push(atMs)
  values.push(value)
  const oldest = atMs - w.windowMs
  while ((times[w.head] as number) < oldest) w.head++
  if (w.head > 32 && w.head * 2 > times.length) {
    times.splice(0, w.head)
    values.splice(0, w.head)
    w.head = 0
  }
  return roundDecimal(value - (values[w.head] as number))
}

/** The live entries as [atMs, value] pairs, oldest first, for export. */
export function riseSamples(w: RiseWindow): [number, number][] {
  const out: [number, number][] = []
  for (let i = w.head; i < w.times.length; i++) out.push([w.times[i] as number, w.values[i] as number])
  return out
}
