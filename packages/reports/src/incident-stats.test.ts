import { newAlert } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import {
  applyAlert,
  defaultGroupingConfig,
  defaultProceduresConfig,
  indexPlaces,
  recordIncidentAction,
} from '@ioc/incidents'
import { expect, test } from 'vitest'
import { incidentStats } from './incident-stats'

const ctx = {
  places: indexPlaces(loadNetwork()),
  grouping: defaultGroupingConfig(),
  procedures: defaultProceduresConfig(),
}
const T = Date.parse('2025-11-06T17:05:00+07:00')
const flood = (id: string, sensor: string) =>
  newAlert({
    id,
    key: `street-flood:${sensor}`,
    kind: 'street-flood',
    subject: { type: 'station', id: sensor },
    severity: 'critical',
    value: 55,
    threshold: 50,
    unit: 'cm',
    message: { vi: 'ngập', en: 'flooded' },
    raisedAt: T,
  })

test('a report counts the incidents and, per checklist step, how often it was shown and ticked', () => {
  const q7 = applyAlert([], flood('a1', 'fs-026'), ctx).open
  const q1 = applyAlert(q7, flood('a2', 'fs-044'), ctx).open
  const [first, second] = q1
  if (!first || !second) throw new Error('two incidents expected')
  const ticked = recordIncidentAction(
    first,
    { type: 'tick', procedureId: 'street-flood-deep', stepId: 'send-pumps', done: true },
    'lan',
    '10.0.0.5',
    T + 60_000,
  )
  if (!ticked.ok) throw new Error('tick refused')
  const stats = incidentStats([ticked.value.incident, second])
  expect(stats).toMatchObject({ opened: 2, resolved: 0 })
  expect(stats.steps.find((s) => s.stepId === 'send-pumps')).toMatchObject({
    procedureId: 'street-flood-deep',
    text: { en: 'Send pumps to the flood point' },
    shown: 2,
    ticked: 1,
  })
  expect(stats.steps.find((s) => s.stepId === 'notify-ward')).toMatchObject({ shown: 2, ticked: 0 })
})
