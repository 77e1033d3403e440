import type { AlertEvent } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { planEngineOutput } from './plan-engine-output'

const T0 = Date.parse('2025-11-06T17:00:00+07:00')
const MIN = 60_000
const event = (type: AlertEvent['type'], severity: AlertEvent['severity'], at: number, id = 'phu-an') =>
  ({
    type,
    key: `water-level:${id}`,
    kind: 'water-level',
    subject: { type: 'station', id },
    severity,
    value: 1.62,
    threshold: 1.6,
    unit: 'm',
    at,
    message: { vi: 'vượt báo động', en: 'above alarm level' },
  }) satisfies AlertEvent

let n = 0
const newId = () => `a${++n}`

describe('the alert writes of one batch', () => {
  test('a later event of a key in the same batch changes the alert the earlier one raised', () => {
    const writes = planEngineOutput(
      [event('raised', 'minor', T0), event('severity-changed', 'critical', T0 + 5 * MIN)],
      [],
      new Set(),
      newId,
    )
    expect(writes.map((w) => [w.action, w.alert.id, w.alert.severity, w.at])).toEqual([
      ['raised', writes[0]?.alert.id, 'minor', T0],
      ['severity-changed', writes[0]?.alert.id, 'critical', T0 + 5 * MIN],
    ])
  })

  test('an alert raised on a silenced subject is stored silenced; others are not', () => {
    const writes = planEngineOutput(
      [event('raised', 'minor', T0, 'fs-002'), event('raised', 'minor', T0, 'fs-003')],
      [],
      new Set(['station:fs-002']),
      newId,
    )
    expect(writes.map((w) => [w.alert.subject.id, w.alert.silenced])).toEqual([
      ['fs-002', true],
      ['fs-003', false],
    ])
  })

  test('once cleared in the batch, a raise of the same key is a new alert', () => {
    const writes = planEngineOutput(
      [
        event('raised', 'minor', T0),
        event('cleared', 'minor', T0 + MIN),
        event('raised', 'minor', T0 + 2 * MIN),
      ],
      [],
      new Set(),
      newId,
    )
    expect(writes.map((w) => w.action)).toEqual(['raised', 'cleared', 'raised'])
    expect(writes[2]?.alert.id).not.toBe(writes[0]?.alert.id)
  })
})
