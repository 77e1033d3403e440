import {
  ALARM_LEVELS,
  type AlarmLevel,
  type AlarmLevelsM,
  type History,
  type WaterForecast,
} from '@ioc/domain'

/** Columns for uPlot: one time axis (epoch s) shared by the observed and the forecast series. */
export interface GaugeForecastData {
  xs: number[]
  observed: (number | null)[]
  forecast: (number | null)[]
  lower: (number | null)[]
  upper: (number | null)[]
  /** Báo động I, II, III as flat lines (null where the gauge has no such level). */
  levels: { level: AlarmLevel; values: number[] }[]
}

/**
 * The observed readings and the forecast from its issue time on, merged on one time axis (uPlot needs
 * one): each series is null at the other's times, and the gap is not bridged.
 */
export function gaugeForecastData(
  history: Pick<History, 'points'>,
  forecast: WaterForecast | null,
  levels: AlarmLevelsM,
): GaugeForecastData {
  const rows = new Map<number, { observed: number | null; f: WaterForecast['points'][number] | null }>()
  for (const p of history.points) rows.set(p.observedAt, { observed: p.value, f: null })
  for (const p of forecast?.points ?? []) {
    const row = rows.get(p.at)
    if (row) row.f = p
    else rows.set(p.at, { observed: null, f: p })
  }
  const times = [...rows.keys()].sort((a, b) => a - b)
  const at = (t: number) =>
    rows.get(t) as { observed: number | null; f: WaterForecast['points'][number] | null }
  return {
    xs: times.map((t) => t / 1000),
    observed: times.map((t) => at(t).observed),
    forecast: times.map((t) => at(t).f?.levelM ?? null),
    lower: times.map((t) => at(t).f?.lowerM ?? null),
    upper: times.map((t) => at(t).f?.upperM ?? null),
    levels: ALARM_LEVELS.flatMap((level) => {
      const v = levels[level]
      return v === null ? [] : [{ level, values: times.map(() => v) }]
    }),
  }
}
