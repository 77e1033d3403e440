import { refineExtreme } from './fit-estuary-tide'

const MINUTE_MS = 60_000

/**
 * The curve's high (or low) nearest to `nearMs` within ±`withinMin`, placed continuously in time (no
 * grid), or null when the curve has none there.
 */
export function findExtremeNear(
  h: (atMs: number) => number,
  extreme: 'high' | 'low',
  nearMs: number,
  withinMin = 240,
): { atMs: number; levelM: number } | null {
  const sign = extreme === 'high' ? 1 : -1
  const step = 10 * MINUTE_MS
  const from = nearMs - withinMin * MINUTE_MS
  const n = Math.round((2 * withinMin * MINUTE_MS) / step)
  const v = Array.from({ length: n + 3 }, (_, k) => sign * h(from + (k - 1) * step))
  let best: number | null = null
  for (let k = 1; k <= n + 1; k++) {
    const t = from + (k - 1) * step
    if ((v[k] as number) >= (v[k - 1] as number) && (v[k] as number) > (v[k + 1] as number)) {
      if (best === null || Math.abs(t - nearMs) < Math.abs(best - nearMs)) best = t
    }
  }
  return best === null ? null : refineExtreme(h, best, step, sign)
}
