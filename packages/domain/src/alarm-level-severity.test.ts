import { expect, test } from 'vitest'
import { alarmLevelOfSeverity, FORECAST_ALARM_SEVERITY, GAUGE_ALARM_SEVERITY } from './alarm-level-severity'

test('báo động I/II/III raise a gauge alert as minor/major/critical, a forecast one step lower', () => {
  expect(GAUGE_ALARM_SEVERITY).toEqual({ I: 'minor', II: 'major', III: 'critical' })
  expect(FORECAST_ALARM_SEVERITY).toEqual({ I: 'warning', II: 'minor', III: 'major' })
})

test('a gauge alert’s severity names the báo động level it stands for', () => {
  expect(['warning', 'minor', 'major', 'critical'].map((s) => alarmLevelOfSeverity(s as never))).toEqual([
    null,
    'I',
    'II',
    'III',
  ])
  expect(alarmLevelOfSeverity('major', FORECAST_ALARM_SEVERITY)).toBe('III')
  expect(alarmLevelOfSeverity('critical', FORECAST_ALARM_SEVERITY)).toBeNull()
})
