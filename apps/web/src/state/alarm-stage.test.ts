import { expect, test } from 'vitest'
import { alarmStage, levelOfStage, stageOfLevel } from './alarm-stage'

// Phú An: báo động I 1.40 m, II 1.50 m, III 1.60 m (fixtures/hcmc/water-stations.json).
const phuAn = { I: 1.4, II: 1.5, III: 1.6 }

test('a gauge’s stage is the báo động level its water has reached, 0 below I', () => {
  expect([1.2, 1.42, 1.55, 1.72].map((m) => alarmStage(m, phuAn))).toEqual([0, 1, 2, 3])
})

test('stages 1–3 and báo động I–III name each other', () => {
  expect((['I', 'II', 'III'] as const).map(stageOfLevel)).toEqual([1, 2, 3])
  expect(([1, 2, 3] as const).map(levelOfStage)).toEqual(['I', 'II', 'III'])
})
