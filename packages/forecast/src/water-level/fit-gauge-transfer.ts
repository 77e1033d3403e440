import type { Result } from '@ioc/domain'
import { historyAsOf, type SeriesHistory } from '../history/series-history'
import { fitTideTransfer, type TideTransfer, type TransferFit } from '../tide/fit-tide-transfer'

const HOUR_MS = 3_600_000

export interface GaugeTransferOptions {
  /** Days of the gauge's own readings the transfer is fitted to (default 7). */
  fitWindowDays?: number
  /** Fewer hours of readings than this fall back to the prior (default 48: two spring–neap-blind days). */
  minHistoryH?: number
  /** Readings are thinned to one per this many minutes before fitting (default 10). */
  thinMin?: number
  /** Used when the history is too short, e.g. a transfer fitted to published tide tables. */
  priorTransfer?: TideTransfer
}

export type GaugeTransfer = TransferFit & { source: 'fitted' | 'prior' }

export type TransferError = { code: 'insufficient_history'; stationId: string; hours: number }

/**
 * The gauge's transfer from the sea tide as of `asOfMs`, fitted to its own readings before then.
 * A week spans a spring–neap half cycle, enough to separate gain from offset; a surge in the window
 * shifts the offset, which is what the residual model expects (its long-term mean is then ~0).
 */
export function fitGaugeTransfer(
  history: SeriesHistory,
  stationId: string,
  asOfMs: number,
  tide: (atMs: number) => number,
  options: GaugeTransferOptions = {},
): Result<GaugeTransfer, TransferError> {
  const windowMs = (options.fitWindowDays ?? 7) * 24 * HOUR_MS
  const thinMs = (options.thinMin ?? 10) * 60_000
  const past = historyAsOf(history, asOfMs).range(stationId, asOfMs - windowMs, asOfMs + 1)
  const readings: { atMs: number; levelM: number }[] = []
  for (const r of past) {
    const last = readings.at(-1)
    if (!last || r.atMs - last.atMs >= thinMs) readings.push({ atMs: r.atMs, levelM: r.value })
  }
  const first = readings[0]
  const spanH = first ? (asOfMs - first.atMs) / HOUR_MS : 0
  if (spanH >= (options.minHistoryH ?? 48) && readings.length >= 3) {
    return { ok: true, value: { ...fitTideTransfer(tide, readings), source: 'fitted' } }
  }
  if (options.priorTransfer) {
    return { ok: true, value: { ...options.priorTransfer, rmsM: Number.NaN, source: 'prior' } }
  }
  return { ok: false, error: { code: 'insufficient_history', stationId, hours: Math.round(spanH) } }
}
