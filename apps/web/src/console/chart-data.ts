import { ALARM_LEVELS, type Alert, type AlertSubject, type History } from '@ioc/domain'
import type { HistoryRange } from '../api/history-request'
import { floodSensorAt, gaugeAt, type NetworkIndex } from '../state/network-index'

/** The chart shows this much before the data clock, and at least an hour before the alert was raised. */
export const CHART_SPAN_MS = 6 * 3_600_000
const LEAD_BEFORE_RAISE_MS = 3_600_000

/** The range of the alert's chart: an hour before it was raised, or the span, up to the data clock. */
export function historyRange(alert: Alert, dataNow: number): HistoryRange {
  const end = Math.max(dataNow, alert.updatedAt)
  const from = Math.min(alert.raisedAt - LEAD_BEFORE_RAISE_MS, end - CHART_SPAN_MS)
  // `to` is exclusive; the reading taken at the data clock belongs in the chart.
  return { from, to: end + 1, maxPoints: 720 }
}

export interface ChartLine {
  /** i18n key and values of the legend label. */
  labelKey: string
  labelValues?: Record<string, string>
  /** The measurement itself, a level it is judged against (stage 1–3 colours), or a reference. */
  role: 'measured' | 'level' | 'reference'
  stage?: 1 | 2 | 3
  values: number[]
}

export interface ChartData {
  unit: 'm' | 'cm' | 'km/h'
  /** Epoch seconds, as uPlot wants them. */
  xs: number[]
  lines: ChartLine[]
}

/**
 * The subject's recent history with the lines it is judged against: báo động I/II/III for a gauge,
 * the depth levels for a street flood sensor, free flow and the alert's threshold for a road segment.
 */
export function chartData(index: NetworkIndex, alert: Alert, history: History): ChartData | null {
  const data = subjectChartData(index, alert.subject, history)
  if (data?.unit !== 'km/h' || alert.kind !== 'congestion') return data
  const threshold: ChartLine = {
    labelKey: 'chart.threshold',
    role: 'level',
    stage: 2,
    values: data.xs.map(() => alert.threshold),
  }
  return { ...data, lines: [...data.lines, threshold] }
}

/** A subject's history with its configured levels (no alert): the console's chart and the replay's. */
export function subjectChartData(
  index: NetworkIndex,
  subject: AlertSubject,
  history: History,
): ChartData | null {
  const xs = history.points.map((p) => p.observedAt / 1000)
  const measured = history.points.map((p) => p.value)
  const flat = (v: number) => xs.map(() => v)
  if (subject.type === 'segment') {
    const i = index.segmentIdxById.get(subject.id)
    if (i === undefined) return null
    const lines: ChartLine[] = [
      { labelKey: 'chart.speed', role: 'measured', values: measured },
      { labelKey: 'chart.freeFlow', role: 'reference', values: flat(index.freeFlowKph[i] as number) },
    ]
    return { unit: 'km/h', xs, lines }
  }
  const i = index.stationIdxById.get(subject.id)
  if (i === undefined) return null
  const gauge = gaugeAt(index, i)
  if (gauge) {
    const levels = [gauge.alarmLevelsM.I, gauge.alarmLevelsM.II, gauge.alarmLevelsM.III]
    return {
      unit: 'm',
      xs,
      lines: [
        { labelKey: 'chart.level', role: 'measured', values: measured },
        ...levels.flatMap((v, k): ChartLine[] =>
          v === null
            ? []
            : [
                {
                  labelKey: 'chart.alarmLevel',
                  labelValues: { level: ALARM_LEVELS[k] as string },
                  role: 'level',
                  stage: (k + 1) as 1 | 2 | 3,
                  values: flat(v),
                },
              ],
        ),
      ],
    }
  }
  const sensor = floodSensorAt(index, i)
  if (!sensor) return null
  return {
    unit: 'cm',
    xs,
    lines: [
      { labelKey: 'chart.depth', role: 'measured', values: measured },
      ...sensor.depthLevelsCm.map(
        (v, k): ChartLine => ({
          labelKey: 'chart.depthLevel',
          labelValues: { cm: String(v) },
          role: 'level',
          stage: (k + 1) as 1 | 2 | 3,
          values: flat(v),
        }),
      ),
    ],
  }
}
