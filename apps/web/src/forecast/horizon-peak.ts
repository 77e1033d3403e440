import { type AlarmLevel, type AlarmLevelsM, alarmLevelReached, type WaterForecast } from '@ioc/domain'

/** The wall's forecast horizon: the next 3 hours. */
export const HORIZON_MS = 3 * 3_600_000

export interface HorizonPeak {
  stationId: string
  peakM: number
  peakAt: number
  /** The highest báo động level the forecast peak reaches, or null below báo động I. */
  level: AlarmLevel | null
}

/** The highest forecast level within `horizonMs` of the forecast time, and the báo động level it reaches. */
export function horizonPeak(
  f: WaterForecast,
  levels: AlarmLevelsM,
  horizonMs = HORIZON_MS,
): HorizonPeak | null {
  let peak: WaterForecast['points'][number] | undefined
  for (const p of f.points) {
    if (p.at > f.issuedAt + horizonMs) break
    if (!peak || p.levelM > peak.levelM) peak = p
  }
  if (!peak) return null
  const peakM = peak.levelM
  return { stationId: f.stationId, peakM, peakAt: peak.at, level: alarmLevelReached(peakM, levels) }
}
