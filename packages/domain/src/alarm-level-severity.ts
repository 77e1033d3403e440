import type { Severity } from './alert'
import { ALARM_LEVELS, type AlarmLevel } from './network'

/** A báo động level's alert severity, by level. */
export type AlarmSeverities = Readonly<Record<AlarmLevel, Severity>>

/** The severity of a gauge's water-level alert at each báo động level, as the rules engine raises it. */
export const GAUGE_ALARM_SEVERITY: AlarmSeverities = { I: 'minor', II: 'major', III: 'critical' }

/** A forecast crossing is one step below the observed alert for the same level: warn before it happens. */
export const FORECAST_ALARM_SEVERITY: AlarmSeverities = { I: 'warning', II: 'minor', III: 'major' }

/**
 * The báo động level a gauge alert of `severity` stands for, read through `severities` (the observed
 * alert's by default, `FORECAST_ALARM_SEVERITY` for a forecast's); null for a severity no level raises.
 */
export function alarmLevelOfSeverity(
  severity: Severity,
  severities: AlarmSeverities = GAUGE_ALARM_SEVERITY,
): AlarmLevel | null {
  return ALARM_LEVELS.find((level) => severities[level] === severity) ?? null
}
