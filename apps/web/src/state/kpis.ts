import type { AlarmLevelsM, Alert } from '@ioc/domain'
import { type AlarmStage, alarmStage } from './alarm-stage'
import { isUnacknowledged } from './alert-list'
import type { LiveState } from './live-state'
import { gaugeAt, type NetworkIndex } from './network-index'

/** A segment is congested below half its free-flow speed (the usual "heavy" band of traffic maps). */
export const CONGESTED_SPEED_RATIO = 0.5

export interface GaugeReading {
  name: string
  valueM: number
  stage: AlarmStage
  levels: AlarmLevelsM
  observedAt: number
}

export interface Kpis {
  congestedKm: number
  /** km of road with a speed report: congestion is a share of what is measured. */
  reportingKm: number
  floodedStreets: number
  /** The gauge furthest above (or least below) its báo động I level. */
  topGauge: GaugeReading | null
  openAlerts: number
  unacknowledgedAlerts: number
}

export function computeKpis(index: NetworkIndex, state: LiveState, alerts: readonly Alert[]): Kpis {
  let congestedM = 0
  let reportingM = 0
  for (let i = 0; i < state.speedKph.length; i++) {
    const speed = state.speedKph[i] as number
    if (Number.isNaN(speed)) continue
    const length = index.segmentLengthM[i] as number
    reportingM += length
    if (speed < CONGESTED_SPEED_RATIO * (index.freeFlowKph[i] as number)) congestedM += length
  }
  let floodedStreets = 0
  for (const i of index.floodSensorIdx) if ((state.waterValue[i] as number) > 0) floodedStreets++
  let topGauge: GaugeReading | null = null
  for (const i of index.gaugeIdx) {
    const g = gaugeAt(index, i)
    const valueM = state.waterValue[i] as number
    if (!g || Number.isNaN(valueM)) continue
    if (topGauge && valueM - g.alarmLevelsM.I <= topGauge.valueM - topGauge.levels.I) continue
    topGauge = {
      name: g.name,
      valueM,
      stage: alarmStage(valueM, g.alarmLevelsM),
      levels: g.alarmLevelsM,
      observedAt: state.waterAt[i] as number,
    }
  }
  return {
    congestedKm: congestedM / 1000,
    reportingKm: reportingM / 1000,
    floodedStreets,
    topGauge,
    openAlerts: alerts.length,
    unacknowledgedAlerts: alerts.filter(isUnacknowledged).length,
  }
}
