import type { Result } from '@ioc/domain'
import { historyAsOf, type SeriesHistory } from '../history/series-history'
import { applyTideTransfer } from '../tide/fit-tide-transfer'
import {
  fitGaugeTransfer,
  type GaugeTransfer,
  type GaugeTransferOptions,
  type TransferError,
} from './fit-gauge-transfer'

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

export interface WaterLevelPoint {
  atMs: number
  /** Forecast level, metres on the national datum. */
  levelM: number
  /** The 90 % band (default), metres. */
  lowerM: number
  upperM: number
}

export interface WaterLevelForecast {
  stationId: string
  /** The forecast time: no reading after it was used. */
  issuedAtMs: number
  /** points[0] is the nowcast at issuedAtMs, then one per step to the horizon. */
  points: WaterLevelPoint[]
  transfer: GaugeTransfer
  /** Observed − tide over the last `residualWindowMin`, metres: surge, river flow, rain. */
  residualNowM: number
}

export interface WaterLevelForecastOptions extends GaugeTransferOptions {
  /** Hours ahead (default 24). */
  horizonH?: number
  /** Minutes between points (default 10). */
  stepMin?: number
  /** The residual is the mean of observed − tide over this many minutes before the forecast time (default 30). */
  residualWindowMin?: number
  /**
   * E-folding time of the residual, hours (default 12). Surge and high river flow on the Sài Gòn last
   * from hours to days; 12 h is the middle, and the backtest shows it beats both baselines at 1–6 h.
   */
  residualTauH?: number
  /** Half-width of the band in standard deviations (default 1.645: a 90 % band). */
  bandZ?: number
  /** A transfer fitted earlier (the backtest refits hourly); fitted from the history when absent. */
  transfer?: GaugeTransfer
}

export type WaterForecastError = TransferError | { code: 'no_recent_readings'; stationId: string }

/**
 * The level at a tide gauge for the next `horizonH` hours: the Vũng Tàu tide carried to the gauge by
 * the transfer fitted to its own recent readings, plus the current residual decaying toward zero (the
 * fit's offset already holds the window's mean). The band grows as an AR(1) process's forecast error:
 * σ(h)² = σ₀² + σᵣ²(1 − e^(−2h/τ)), σᵣ the spread of residuals in the fit window, σ₀ the noise now.
 */
export function forecastWaterLevel(
  history: SeriesHistory,
  stationId: string,
  forecastTimeMs: number,
  tide: (atMs: number) => number,
  options: WaterLevelForecastOptions = {},
): Result<WaterLevelForecast, WaterForecastError> {
  const past = historyAsOf(history, forecastTimeMs)
  let transfer = options.transfer
  if (!transfer) {
    const fit = fitGaugeTransfer(past, stationId, forecastTimeMs, tide, options)
    if (!fit.ok) return fit
    transfer = fit.value
  }
  const model = (atMs: number) => applyTideTransfer(tide, transfer, atMs)
  const windowMs = (options.residualWindowMin ?? 30) * MINUTE_MS
  const recent = past.range(stationId, forecastTimeMs - windowMs, forecastTimeMs + 1)
  if (recent.length === 0) return { ok: false, error: { code: 'no_recent_readings', stationId } }
  const residuals = recent.map((r) => r.value - model(r.atMs))
  const residualNowM = mean(residuals)
  const noiseSdM = recent.length > 1 ? sd(residuals) : 0.02
  const residualSdM = Number.isFinite(transfer.rmsM) ? transfer.rmsM : 0.1
  const tauMs = (options.residualTauH ?? 12) * HOUR_MS
  const stepMs = (options.stepMin ?? 10) * MINUTE_MS
  const steps = Math.round(((options.horizonH ?? 24) * HOUR_MS) / stepMs)
  const z = options.bandZ ?? 1.645
  const points: WaterLevelPoint[] = []
  for (let k = 0; k <= steps; k++) {
    const atMs = forecastTimeMs + k * stepMs
    const leadMs = k * stepMs
    const decay = Math.exp(-leadMs / tauMs)
    const levelM = model(atMs) + residualNowM * decay
    const spread = z * Math.sqrt(noiseSdM ** 2 + residualSdM ** 2 * (1 - decay * decay))
    points.push({ atMs, levelM, lowerM: levelM - spread, upperM: levelM + spread })
  }
  return { ok: true, value: { stationId, issuedAtMs: forecastTimeMs, points, transfer, residualNowM } }
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length
}

function sd(xs: readonly number[]): number {
  const m = mean(xs)
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1))
}
