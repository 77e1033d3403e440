import { ALARM_LEVELS, type AlarmLevelsM, alarmLevelReached } from '@ioc/domain'

/** 0 below báo động I, else the highest báo động level (1–3) the water has reached. */
export type AlarmStage = 0 | 1 | 2 | 3

export function alarmStage(valueM: number, levels: AlarmLevelsM): AlarmStage {
  const reached = alarmLevelReached(valueM, levels)
  return reached === null ? 0 : ((ALARM_LEVELS.indexOf(reached) + 1) as AlarmStage)
}

/** 0 dry or below the first level, then 1–3 by the sensor's depth levels (care, motorbikes, impassable). */
export function depthStage(depthCm: number, levelsCm: readonly [number, number, number]): AlarmStage {
  if (depthCm >= levelsCm[2]) return 3
  if (depthCm >= levelsCm[1]) return 2
  return depthCm >= levelsCm[0] ? 1 : 0
}
