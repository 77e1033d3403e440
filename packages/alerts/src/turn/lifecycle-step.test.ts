import { formatLocalIso, type Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { createRulesEngine, defaultRulesConfig } from '@ioc/rules'
import { describe, expect, test } from 'vitest'
import { createAlertBook } from '../alert-book/alert-book'
import { stepEscalation, stepObservations, stepOfficerAction } from './lifecycle-step'

const T0 = Date.parse('2025-11-06T17:00:00+07:00')
const MIN = 60_000
const network = loadNetwork()
const phuAn = (atMs: number, value: number, source = 'sihymete'): Observation => ({
  type: 'water',
  stationId: 'phu-an',
  observedAt: formatLocalIso(atMs),
  value,
  source,
})
let n = 0
const clock = (nowMs: number) => ({ nowMs, newId: () => `a${++n}` })

/** The engine and book of a server, each step's writes taken in as if committed. */
function lifecycle() {
  const engine = createRulesEngine(network, defaultRulesConfig())
  const book = createAlertBook({ entries: [], silences: [] })
  return { engine, book }
}

describe('the lifecycle step', () => {
  test('a batch sent again after its commit raises nothing more: the engine skips the readings it judged', () => {
    const { engine, book } = lifecycle()
    const batch = [phuAn(T0, 1.45), phuAn(T0 + 10 * MIN, 1.62)]
    const first = stepObservations(engine, book, batch, clock(T0 + 11 * MIN))
    book.apply(first.writes)
    const raised = first.writes.filter((w) => w.alert.kind === 'water-level')
    expect(raised.map((w) => [w.transition.action, w.alert.severity])).toEqual([
      ['raised', 'minor'],
      ['severity-changed', 'critical'],
    ])
    const again = stepObservations(engine, book, batch, clock(T0 + 12 * MIN))
    expect(again.writes).toEqual([])
    expect(again.observations).toBe(batch)
    expect(again.state.stations['phu-an']).toMatchObject({
      lastAtMs: T0 + 10 * MIN,
      lastSources: ['sihymete'],
    })
  })

  test('an acknowledgement is one write that keeps when the alert became critical; escalation skips it', () => {
    const { engine, book } = lifecycle()
    book.apply(stepObservations(engine, book, [phuAn(T0, 1.62)], clock(T0)).writes)
    const alert = book.open().find((a) => a.kind === 'water-level')
    if (!alert) throw new Error('no water-level alert')
    const entry = book.get(alert.id)
    if (!entry) throw new Error('the alert is not in the book')
    expect(stepEscalation(book, T0 + 5 * MIN, T0 + 5 * MIN)?.writes.map((w) => w.alert.id)).toContain(
      alert.id,
    )

    const acked = stepOfficerAction(entry, { type: 'acknowledge', note: 'đang xử lý' }, 'lan', T0 + MIN, 'ip')
    if (!acked.ok) throw new Error(acked.error.code)
    expect(acked.value.writes.map((w) => [w.transition.action, w.transition.by, w.criticalSince])).toEqual([
      ['acknowledged', 'lan', T0],
    ])
    book.apply(acked.value.writes)
    expect(
      stepEscalation(book, T0 + 5 * MIN, T0 + 5 * MIN)?.writes.map((w) => w.alert.id) ?? [],
    ).not.toContain(alert.id)
    const second = stepOfficerAction(
      book.get(alert.id) ?? entry,
      { type: 'acknowledge', note: '' },
      'minh',
      T0,
      'ip',
    )
    expect(second).toEqual({ ok: false, error: { code: 'already_acknowledged', by: 'lan', at: T0 + MIN } })
  })
})
