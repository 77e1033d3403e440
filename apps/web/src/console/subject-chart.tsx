import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { useFormatters } from '../hooks/use-formatters'
import { TIME_ZONE } from '../i18n/format'
import { cssColor, STAGE_COLORS } from '../layers/colors'
import type { ChartData, ChartLine } from './chart-data'

const HEIGHT_PX = 220
const MEASURED = '#1d4f91'
const REFERENCE = '#4f8f5f'

function stroke(line: ChartLine): string {
  if (line.role === 'measured') return MEASURED
  if (line.role === 'reference') return REFERENCE
  return cssColor(STAGE_COLORS[line.stage ?? 3])
}

/** The subject's last hours in uPlot (its own chunk: only opened alerts download it), in HCMC time. */
export default function SubjectChart({ data }: { data: ChartData }) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const digits = data.unit === 'm' ? 2 : 0
    const plot = new uPlot(
      {
        width: el.clientWidth || 480,
        height: HEIGHT_PX,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), TIME_ZONE),
        cursor: { drag: { x: false, y: false } },
        series: [
          {
            label: t('chart.time'),
            value: (_u, ts) => (ts == null ? '–' : `${f.date(ts * 1000)} ${f.time(ts * 1000)}`),
          },
          ...data.lines.map((line) => ({
            label: t(line.labelKey, line.labelValues ?? {}),
            stroke: stroke(line),
            width: line.role === 'measured' ? 2 : 1,
            ...(line.role === 'measured' ? {} : { dash: [6, 4] }),
            points: { show: false },
            value: (_u: uPlot, v: number | null) => (v == null ? '–' : `${f.number(v, digits)} ${data.unit}`),
          })),
        ],
        axes: [
          { values: (_u, splits) => splits.map((s) => f.time(s * 1000)) },
          { label: data.unit, values: (_u, splits) => splits.map((v) => f.number(v, digits)), size: 56 },
        ],
      },
      [data.xs, ...data.lines.map((l) => l.values)],
      el,
    )
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT_PX }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      plot.destroy()
    }
  }, [data, t, f])

  return <div ref={box} className="subject-chart" />
}
