import type { Alert, AlertKind, Severity } from '@ioc/domain'
import { SEVERITY_RANK } from '@ioc/domain'

/**
 * The alerts the public is warned of, from the least severity that counts: báo động II and III at a
 * gauge (major, critical), a flooded street at any depth level, and a forecast crossing of báo động II
 * or III (forecasts sit one step below: minor, major; packages/forecast forecast-alerts.ts).
 */
const LEAST_PUBLIC_SEVERITY: Partial<Record<AlertKind, Severity>> = {
  'water-level': 'major',
  'street-flood': 'minor',
  'forecast-water-level': 'minor',
}

/** The alert kinds that can become public warnings. */
export const WARNING_KINDS = Object.keys(LEAST_PUBLIC_SEVERITY) as AlertKind[]

/**
 * Whether the alert, as it is now, warrants a public warning: while its condition holds. A duty
 * officer's resolution does not end it, since a force-resolved alert may still be under water.
 */
export function warrantsWarning(alert: Pick<Alert, 'kind' | 'severity' | 'active'>): boolean {
  const least = LEAST_PUBLIC_SEVERITY[alert.kind]
  if (!least || !alert.active) return false
  return SEVERITY_RANK[alert.severity] >= SEVERITY_RANK[least]
}
