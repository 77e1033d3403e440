import type { RealForecastSkill, WaterStation } from '@ioc/domain'
import type { RealBacktestReport } from '@ioc/forecast'

/**
 * The real-data backtest (`runRealBacktest`, what `ioc backtest --real` prints and `pnpm bench` writes to
 * bench/results/forecast-real.json) regrouped per gauge for the reports page: the same figures, cell for
 * cell, in the gauges' order of the network.
 */
export function realForecastSkill(
  report: RealBacktestReport,
  stations: readonly Pick<WaterStation, 'id' | 'name'>[],
  source: string,
): RealForecastSkill {
  const ids = new Set([
    ...report.leaveOneDayOut.map((r) => r.stationId),
    ...report.leads.map((r) => r.stationId),
  ])
  const named = stations.filter((s) => ids.has(s.id))
  const unnamed = [...ids].filter((id) => !named.some((s) => s.id === id)).map((id) => ({ id, name: id }))
  return {
    source,
    days: report.days,
    gauges: [...named, ...unnamed].map((s) => ({
      stationId: s.id,
      name: s.name,
      leaveOneDayOut: report.leaveOneDayOut
        .filter((r) => r.stationId === s.id)
        .map(({ kind, estuary, singleLag }) => ({ kind, estuary, singleLag })),
      leads: report.leads
        .filter((r) => r.stationId === s.id)
        .map(({ kind, leadH, cells }) => ({ kind, leadH, cells })),
      band: report.band.calibratedByGauge
        .filter((b) => b.stationId === s.id)
        .map(({ leadH, n, coverage, medianHalfWidthCm }) => ({ leadH, n, coverage, medianHalfWidthCm })),
    })),
  }
}
