import { localDay } from '@ioc/domain'
import type { ReportedLevel } from './reported-level'

const HOUR_MS = 3_600_000

/**
 * The highs and lows of a gauge's recorded readings, as levels the real-data backtest scores like the
 * printed ones: a reading is a high (low) when the hour-mean around it is the highest (lowest) within
 * ±3 h, i.e. one per tidal half-cycle; the noise of single readings is averaged out first.
 * Readings must be of one gauge, in time order.
 */
export function extremesFromReadings(
  stationId: string,
  readings: readonly { atMs: number; value: number }[],
  source: string,
): ReportedLevel[] {
  const smooth = readings.map((r, i) => {
    let sum = 0
    let n = 0
    for (let j = i; j >= 0 && r.atMs - (readings[j] as { atMs: number }).atMs <= HOUR_MS / 2; j--) {
      sum += (readings[j] as { value: number }).value
      n++
    }
    for (
      let j = i + 1;
      j < readings.length && (readings[j] as { atMs: number }).atMs - r.atMs <= HOUR_MS / 2;
      j++
    ) {
      sum += (readings[j] as { value: number }).value
      n++
    }
    return { atMs: r.atMs, value: sum / n }
  })
  const first = smooth[0]?.atMs ?? 0
  const last = smooth.at(-1)?.atMs ?? 0
  const out: ReportedLevel[] = []
  for (const [i, s] of smooth.entries()) {
    // Only where the ±3 h window lies inside the record: an edge is not an extreme.
    if (s.atMs - first < 3 * HOUR_MS || last - s.atMs < 3 * HOUR_MS) continue
    let high = true
    let low = true
    for (let j = i - 1; j >= 0 && s.atMs - (smooth[j] as { atMs: number }).atMs <= 3 * HOUR_MS; j--) {
      const v = (smooth[j] as { value: number }).value
      if (v >= s.value) high = false
      if (v <= s.value) low = false
    }
    for (
      let j = i + 1;
      j < smooth.length && (smooth[j] as { atMs: number }).atMs - s.atMs <= 3 * HOUR_MS;
      j++
    ) {
      const v = (smooth[j] as { value: number }).value
      if (v > s.value) high = false
      if (v < s.value) low = false
    }
    if (!high && !low) continue
    out.push({
      kind: 'extreme',
      stationId,
      day: localDay(s.atMs),
      extreme: high ? 'high' : 'low',
      atMs: s.atMs,
      levelM: s.value,
      source,
    })
  }
  return out
}
