import type { AlarmLevelsM, WaterForecast } from '@ioc/domain'

/** The wall's forecast horizon: the next 3 hours. */
export const HORIZON_MS = 3 * 3_600_000

export interface HorizonPeak {
  stationId: string
  peakM: number
  peakAt: number
  /** The highest báo động level the forecast peak reaches, or null below báo động I. */
  level: 'I' | 'II' | 'III' | null
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
  const level = (['III', 'II', 'I'] as const).find(
    (l) => levels[l] !== null && peakM >= (levels[l] as number),
  )
  return { stationId: f.stationId, peakM, peakAt: peak.at, level: level ?? null }
}
