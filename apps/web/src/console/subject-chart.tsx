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

const CURSOR = '#b3124f'

export interface SubjectChartProps {
  data: ChartData
  /** A replay's clock, epoch ms: drawn as a vertical line, moved without rebuilding the chart. */
  cursorMs?: number | null
  /** Called with the time under a click (a replay seeks there), epoch ms. */
  onPickTime?: (ms: number) => void
}

/** The subject's last hours in uPlot (its own chunk: only opened alerts download it), in HCMC time. */
export default function SubjectChart({ data, cursorMs = null, onPickTime }: SubjectChartProps) {
  const { t } = useTranslation()
  const { f } = useFormatters()
  const box = useRef<HTMLDivElement>(null)
  const plotRef = useRef<uPlot | null>(null)
  const cursorRef = useRef(cursorMs)
  cursorRef.current = cursorMs
  const pickRef = useRef(onPickTime)
  pickRef.current = onPickTime

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
        hooks: { draw: [drawCursor(cursorRef)] },
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
    plotRef.current = plot
    const pick = () => {
      const left = plot.cursor.left ?? -1
      if (left >= 0 && pickRef.current) pickRef.current(Math.round(plot.posToVal(left, 'x') * 1000))
    }
    plot.over.addEventListener('click', pick)
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT_PX }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      plot.over.removeEventListener('click', pick)
      plotRef.current = null
      plot.destroy()
    }
  }, [data, t, f])

  useEffect(() => {
    if (cursorMs !== null) plotRef.current?.redraw(false)
  }, [cursorMs])

  return <div ref={box} className="subject-chart" />
}

/** Draws the replay clock over the plot area; reads the ref so a clock tick needs only a redraw. */
function drawCursor(cursor: { current: number | null }) {
  return (u: uPlot) => {
    const ms = cursor.current
    if (ms === null) return
    const x = u.valToPos(ms / 1000, 'x', true)
    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return
    const { ctx } = u
    ctx.save()
    ctx.strokeStyle = CURSOR
    ctx.lineWidth = 2 * devicePixelRatio
    ctx.beginPath()
    ctx.moveTo(x, u.bbox.top)
    ctx.lineTo(x, u.bbox.top + u.bbox.height)
    ctx.stroke()
    ctx.restore()
  }
}
