import type { Alert, AlertEvent } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { waterLevelEvent } from '../testing/water-level-event'
import { applyEngineEvent } from './apply-engine-event'

const T0 = Date.parse('2025-11-06T17:00:00+07:00')
const MIN = 60_000

const event = (
  type: AlertEvent['type'],
  severity: AlertEvent['severity'],
  at: number,
  value: number,
  threshold?: number,
) => waterLevelEvent(type, severity, at, { value, ...(threshold !== undefined && { threshold }) })

let n = 0
const next = { id: () => `a${++n}`, silenced: false }
const apply = (e: AlertEvent, active: Alert[]) => applyEngineEvent(e, active, next)

describe('engine events on stored alerts', () => {
  const [raised] = apply(event('raised', 'critical', T0, 1.62), [])
  const alert = raised?.alert as Alert

  test('a raise opens an alert carrying value, threshold and time', () => {
    expect(raised?.action).toBe('raised')
    expect(alert).toMatchObject({ severity: 'critical', value: 1.62, raisedAt: T0, active: true, ack: null })
  })

  test('a raise for a key already open (an engine rebuilt from an older state) is not a second alert', () => {
    expect(apply(event('raised', 'critical', T0 + MIN, 1.63), [alert])).toEqual([])
    const [p] = apply(event('raised', 'major', T0 + MIN, 1.55), [alert])
    expect(p).toMatchObject({ action: 'severity-changed', alert: { id: alert.id, severity: 'major' } })
  })

  test('after a forced resolution, easing is recorded on it but a worsening opens a new alert', () => {
    const forced: Alert = {
      ...alert,
      severity: 'major',
      resolution: { by: 'lan', at: T0, note: 'x', forced: true },
    }
    const [eased] = apply(event('severity-changed', 'minor', T0 + MIN, 1.45), [forced])
    expect(eased?.alert).toMatchObject({ id: alert.id, severity: 'minor', resolution: { by: 'lan' } })
    const [worse] = apply(event('severity-changed', 'critical', T0 + MIN, 1.61), [forced])
    expect(worse).toMatchObject({ action: 'raised', alert: { severity: 'critical', resolution: null } })
    expect(worse?.alert.id).not.toBe(alert.id)
  })

  test('a clear ends every active alert of the key and keeps its severity', () => {
    const forced: Alert = { ...alert, id: 'old', resolution: { by: 'lan', at: T0, note: 'x', forced: true } }
    const cleared = apply(event('cleared', 'critical', T0 + 40 * MIN, 1.3), [forced, alert])
    expect(cleared.map((c) => [c.alert.id, c.alert.active, c.alert.clearedAt, c.alert.severity])).toEqual([
      ['old', false, T0 + 40 * MIN, 'critical'],
      [alert.id, false, T0 + 40 * MIN, 'critical'],
    ])
  })

  test('the 6 Nov Phú An alert keeps its cause and its báo động III peak once eased and cleared', () => {
    // It clears once the water stays below báo động I less the 0.05 m margin: threshold 1.35.
    const steps: [AlertEvent['type'], AlertEvent['severity'], number, number, number?][] = [
      ['raised', 'minor', T0, 1.41],
      ['severity-changed', 'major', T0 + 2 * MIN, 1.51],
      ['severity-changed', 'critical', T0 + 5 * MIN, 1.62],
      ['severity-changed', 'major', T0 + 90 * MIN, 1.45],
      ['severity-changed', 'minor', T0 + 150 * MIN, 1.3],
      ['cleared', 'minor', T0 + 200 * MIN, 1.11, 1.35],
    ]
    let a: Alert[] = []
    for (const [type, severity, at, value, threshold] of steps) {
      const changed = apply(event(type, severity, at, value, threshold), a)
      a = changed.map((c) => c.alert)
    }
    expect(a).toHaveLength(1)
    expect(a[0]).toMatchObject({
      active: false,
      severity: 'minor',
      value: 1.11,
      threshold: 1.35,
      cause: { severity: 'minor', value: 1.41, threshold: 1.4, at: T0 },
      peak: { severity: 'critical', value: 1.62, threshold: 1.6, at: T0 + 5 * MIN },
    })
  })
})
