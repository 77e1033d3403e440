import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { useFormatters } from '../hooks/use-formatters'
import { TIME_ZONE } from '../i18n/format'
import { cssColor, STAGE_COLORS } from '../layers/colors'
import { stageOfLevel } from '../state/alarm-stage'
import type { GaugeForecastData } from './gauge-forecast-data'

const OBSERVED = '#1d4f91'
const FORECAST = '#7a3fb0'
const BAND_FILL = 'rgba(122, 63, 176, 0.15)'

/**
 * A gauge's observed level with its forecast, the forecast's 90 % band and the báo động lines, in HCMC
 * time. Default export so that screens lazy-load it: uPlot stays out of chunks that never draw a chart.
 */
export default function GaugeForecastChart({
  data,
  heightPx = 240,
}: {
  data: GaugeForecastData
  heightPx?: number
}) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const metres = (_u: uPlot, v: number | null) => (v == null ? '–' : f.metres(v))
    const plot = new uPlot(
      {
        width: el.clientWidth || 480,
        height: heightPx,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), TIME_ZONE),
        cursor: { drag: { x: false, y: false } },
        series: [
          {
            label: t('chart.time'),
            value: (_u, ts) => (ts == null ? '–' : `${f.date(ts * 1000)} ${f.time(ts * 1000)}`),
          },
          { label: t('chart.level'), stroke: OBSERVED, width: 2, points: { show: false }, value: metres },
          {
            label: t('forecast.chart.forecast'),
            stroke: FORECAST,
            width: 2,
            dash: [8, 4],
            points: { show: false },
            value: metres,
          },
          { label: t('forecast.chart.lower'), stroke: 'transparent', points: { show: false }, value: metres },
          { label: t('forecast.chart.upper'), stroke: 'transparent', points: { show: false }, value: metres },
          ...data.levels.map((l) => ({
            label: t('chart.alarmLevel', { level: l.level }),
            stroke: cssColor(STAGE_COLORS[stageOfLevel(l.level)]),
            width: 1,
            dash: [4, 4],
            points: { show: false },
            value: metres,
          })),
        ],
        // The band fills between the upper (4) and lower (3) series.
        bands: [{ series: [4, 3], fill: BAND_FILL }],
        axes: [
          { values: (_u, splits) => splits.map((s) => f.time(s * 1000)) },
          { label: 'm', values: (_u, splits) => splits.map((v) => f.number(v, 2)), size: 56 },
        ],
      },
      [data.xs, data.observed, data.forecast, data.lower, data.upper, ...data.levels.map((l) => l.values)],
      el,
    )
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: heightPx }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      plot.destroy()
    }
  }, [data, heightPx, t, f])

  return <div ref={box} className="gauge-forecast-chart" />
}
