import { ALARM_LEVELS, type AlarmLevel, type AlarmLevelsM, alarmLevelReached } from '@ioc/domain'

/** 0 below báo động I, else the highest báo động level (1–3) the water has reached. */
export type AlarmStage = 0 | 1 | 2 | 3

export function alarmStage(valueM: number, levels: AlarmLevelsM): AlarmStage {
  const reached = alarmLevelReached(valueM, levels)
  return reached === null ? 0 : stageOfLevel(reached)
}

/** Báo động I, II, III as stages 1, 2, 3. */
export function stageOfLevel(level: AlarmLevel): Exclude<AlarmStage, 0> {
  return (ALARM_LEVELS.indexOf(level) + 1) as Exclude<AlarmStage, 0>
}

/** Stage 1, 2, 3 as báo động I, II, III. */
export function levelOfStage(stage: Exclude<AlarmStage, 0>): AlarmLevel {
  return ALARM_LEVELS[stage - 1] as AlarmLevel
}

/** 0 dry or below the first level, then 1–3 by the sensor's depth levels (care, motorbikes, impassable). */
export function depthStage(depthCm: number, levelsCm: readonly [number, number, number]): AlarmStage {
  if (depthCm >= levelsCm[2]) return 3
  if (depthCm >= levelsCm[1]) return 2
  return depthCm >= levelsCm[0] ? 1 : 0
}
