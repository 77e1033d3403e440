import type { AlertEvent, Silence } from '@ioc/domain'
import { describe, expect, test } from 'vitest'
import { createAlertBook } from '../alert-book/alert-book'
import { waterLevelEvent } from '../testing/water-level-event'
import { planEngineOutput } from './plan-engine-output'

const T0 = Date.parse('2025-11-06T17:00:00+07:00')
const MIN = 60_000
const event = (
  type: AlertEvent['type'],
  severity: AlertEvent['severity'],
  at: number,
  stationId = 'phu-an',
) => waterLevelEvent(type, severity, at, { stationId })

let n = 0
const newId = () => `a${++n}`
const empty = () => createAlertBook({ entries: [], silences: [] })
const silence = (stationId: string, createdAt: number, until: number): Silence => ({
  id: `s-${stationId}`,
  subject: { type: 'station', id: stationId },
  reason: 'bảo trì',
  createdBy: 'lan',
  createdAt,
  until,
  cancelledAt: null,
})

describe('the alert writes of one batch', () => {
  test('a later event of a key in the same batch changes the alert the earlier one raised', () => {
    const writes = planEngineOutput(
      [event('raised', 'minor', T0), event('severity-changed', 'critical', T0 + 5 * MIN)],
      empty(),
      T0 + 6 * MIN,
      newId,
    )
    const id = writes[0]?.alert.id
    expect(
      writes.map((w) => [w.transition.action, w.alert.id, w.alert.severity, w.transition.at, w.isNew]),
    ).toEqual([
      ['raised', id, 'minor', T0, true],
      ['severity-changed', id, 'critical', T0 + 5 * MIN, false],
    ])
    // Escalation counts from the server clock at which it became critical.
    expect(writes.map((w) => w.criticalSince)).toEqual([null, T0 + 6 * MIN])
  })

  test('an alert raised on a subject silenced now is stored silenced; a silence not yet begun or over is none', () => {
    const book = createAlertBook({
      entries: [],
      silences: [
        silence('fs-002', T0 - MIN, T0 + 60 * MIN),
        silence('fs-003', T0 + MIN, T0 + 60 * MIN),
        silence('fs-004', T0 - 60 * MIN, T0),
      ],
    })
    const writes = planEngineOutput(
      ['fs-002', 'fs-003', 'fs-004'].map((id) => event('raised', 'minor', T0, id)),
      book,
      T0,
      newId,
    )
    expect(writes.map((w) => [w.alert.subject.id, w.alert.silenced])).toEqual([
      ['fs-002', true],
      ['fs-003', false],
      ['fs-004', false],
    ])
  })

  test('once cleared in the batch, a raise of the same key is a new alert', () => {
    const writes = planEngineOutput(
      [
        event('raised', 'minor', T0),
        event('cleared', 'minor', T0 + MIN),
        event('raised', 'minor', T0 + 2 * MIN),
      ],
      empty(),
      T0,
      newId,
    )
    expect(writes.map((w) => w.transition.action)).toEqual(['raised', 'cleared', 'raised'])
    expect(writes[2]?.alert.id).not.toBe(writes[0]?.alert.id)
  })

  test('an event of a key the book holds active updates that alert, which stays critical since it first was', () => {
    const [raise] = planEngineOutput([event('raised', 'critical', T0)], empty(), T0 + 1000, () => 'held')
    if (!raise) throw new Error('nothing raised')
    const book = createAlertBook({ entries: [raise], silences: [] })
    const [again, eased] = planEngineOutput(
      [
        event('severity-changed', 'critical', T0 + 10 * MIN),
        event('severity-changed', 'major', T0 + 20 * MIN),
      ],
      book,
      T0 + 30 * MIN,
      newId,
    )
    expect([again?.alert.id, again?.isNew, again?.criticalSince]).toEqual(['held', false, T0 + 1000])
    expect([eased?.alert.id, eased?.alert.severity, eased?.criticalSince]).toEqual(['held', 'major', null])
    // The book is what the store holds: it takes the writes in only once they commit.
    expect(book.get('held')?.alert.severity).toBe('critical')
  })
})
