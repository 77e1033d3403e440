import type { AlarmLevelsM } from '@ioc/domain'

/** 0 below báo động I, else the highest báo động level (1–3) the water has reached. */
export type AlarmStage = 0 | 1 | 2 | 3

export function alarmStage(valueM: number, levels: AlarmLevelsM): AlarmStage {
  if (levels.III !== null && valueM >= levels.III) return 3
  if (levels.II !== null && valueM >= levels.II) return 2
  return valueM >= levels.I ? 1 : 0
}

/** 0 dry or below the first level, then 1–3 by the sensor's depth levels (care, motorbikes, impassable). */
export function depthStage(depthCm: number, levelsCm: readonly [number, number, number]): AlarmStage {
  if (depthCm >= levelsCm[2]) return 3
  if (depthCm >= levelsCm[1]) return 2
  return depthCm >= levelsCm[0] ? 1 : 0
}
