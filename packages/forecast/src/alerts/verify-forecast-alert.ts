/** What a forecast alert claimed: the subject passes `threshold` (upward for water, downward for speed) by `forecastFor`. */
export interface ForecastClaim {
  direction: 'rise' | 'fall'
  threshold: number
  raisedAt: number
  forecastFor: number
}

export type Verdict = 'verified' | 'missed' | 'pending'

/**
 * How late the event may come and still count, ms (default 60 min for water, 15 min for traffic is
 * passed by the caller): a tide forecast 40 min early or late still gave the warning it promised.
 */
export const DEFAULT_TOLERANCE_MS = 60 * 60_000

/** The verdict one reading gives: verified when it passes the threshold in time, missed once past the window. */
export function judgeReading(
  claim: ForecastClaim,
  reading: { atMs: number; value: number },
  toleranceMs = DEFAULT_TOLERANCE_MS,
): Verdict {
  if (reading.atMs < claim.raisedAt) return 'pending'
  if (reading.atMs > claim.forecastFor + toleranceMs) return 'missed'
  const passed =
    claim.direction === 'rise' ? reading.value >= claim.threshold : reading.value < claim.threshold
  return passed ? 'verified' : 'pending'
}

/**
 * Verifies a forecast alert against the readings up to some time: verified at the first reading that
 * passes the threshold within [raisedAt, forecastFor + tolerance], missed at the first reading after
 * that window, pending while the window is open.
 */
export function verifyForecastAlert(
  claim: ForecastClaim,
  readings: Iterable<{ atMs: number; value: number }>,
  toleranceMs = DEFAULT_TOLERANCE_MS,
): { verdict: Verdict; atMs: number | null } {
  for (const r of readings) {
    const verdict = judgeReading(claim, r, toleranceMs)
    if (verdict !== 'pending') return { verdict, atMs: r.atMs }
  }
  return { verdict: 'pending', atMs: null }
}
