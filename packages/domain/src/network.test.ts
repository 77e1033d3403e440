import { expect, test } from 'vitest'
import { ALARM_LEVELS, alarmLevelReached } from './network'

// Phú An: báo động I 1.40 m, II 1.50 m, III 1.60 m (fixtures/hcmc/water-stations.json).
const phuAn = { I: 1.4, II: 1.5, III: 1.6 }

test('báo động levels run I, II, III, and a reading reaches the highest at or below it', () => {
  expect(ALARM_LEVELS).toEqual(['I', 'II', 'III'])
  expect([1.39, 1.4, 1.55, 1.62].map((m) => alarmLevelReached(m, phuAn))).toEqual([null, 'I', 'II', 'III'])
})

test('a gauge without báo động III stops at II however high the water', () => {
  expect(alarmLevelReached(2.1, { I: 1.4, II: 1.5, III: null })).toBe('II')
})
