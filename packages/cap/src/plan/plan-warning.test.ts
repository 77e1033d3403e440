import { type Alert, newAlert, type PublicWarning } from '@ioc/domain'
import { expect, test } from 'vitest'
import { planWarning } from './plan-warning'

const T = Date.parse('2025-11-06T16:45:00+07:00')
const gauge = (severity: Alert['severity'], over: Partial<Alert> = {}): Alert =>
  newAlert({
    id: 'a1',
    key: 'water-level:phu-an',
    kind: 'water-level',
    subject: { type: 'station', id: 'phu-an' },
    severity,
    value: 1.52,
    threshold: 1.5,
    unit: 'm',
    message: { vi: 'Phú An vượt báo động II', en: 'Phú An above alarm level II' },
    raisedAt: T,
    ...over,
  })
let n = 0
const warning = (over: Partial<PublicWarning>): PublicWarning =>
  ({
    id: `w${++n}`,
    alertId: 'a1',
    kind: 'water-level',
    phase: 'warning',
    alertSeverity: 'major',
    state: 'published',
    createdAt: T + n,
    publishedAt: T + n,
    decision: null,
    ...over,
  }) as PublicWarning

test('báo động I is no public matter; II with nothing sent yet is a new Alert', () => {
  expect(planWarning(gauge('minor'), [])).toEqual({ type: 'none' })
  expect(planWarning(gauge('major'), [])).toEqual({
    type: 'draft',
    phase: 'warning',
    msgType: 'Alert',
    supersede: [],
  })
})

test('a level the public already has (or is about to have) is not sent again', () => {
  expect(planWarning(gauge('major'), [warning({})])).toEqual({ type: 'none' })
  expect(planWarning(gauge('major'), [warning({ state: 'pending' })])).toEqual({ type: 'none' })
})

test('a rise once published is an Update; a rise over a pending draft replaces the draft', () => {
  expect(planWarning(gauge('critical'), [warning({})])).toMatchObject({ msgType: 'Update', supersede: [] })
  const pending = warning({ state: 'pending' })
  expect(planWarning(gauge('critical'), [pending])).toMatchObject({
    msgType: 'Alert',
    supersede: [pending.id],
  })
})

test('the end of a published hazard is an all-clear Update; of an unpublished one, the drafts are dropped', () => {
  const over = gauge('minor', { active: false, clearedAt: T + 60_000 })
  expect(planWarning(over, [warning({})])).toEqual({
    type: 'draft',
    phase: 'all-clear',
    msgType: 'Update',
    supersede: [],
  })
  const pending = warning({ state: 'pending' })
  expect(planWarning(over, [pending])).toEqual({ type: 'drop', supersede: [pending.id] })
  expect(planWarning(over, [warning({}), warning({ phase: 'all-clear' })])).toEqual({ type: 'none' })
})

test('easing to báo động I ends the warning though the alert is still open', () => {
  expect(planWarning(gauge('minor'), [warning({ alertSeverity: 'critical' })])).toMatchObject({
    phase: 'all-clear',
  })
})

test("a duty officer's forced resolution does not clear a street still under water", () => {
  const resolved = gauge('major', { resolution: { by: 'lan', at: T + 1, note: 'đã xử lý', forced: true } })
  expect(planWarning(resolved, [warning({})])).toEqual({ type: 'none' })
})

test('a rejected draft counts for nothing: the next change proposes again, as a new Alert', () => {
  const rejected = warning({ state: 'rejected', publishedAt: null })
  expect(planWarning(gauge('major'), [rejected])).toMatchObject({ msgType: 'Alert', phase: 'warning' })
})

test('after a withdrawal nothing more is sent about the alert', () => {
  expect(planWarning(gauge('critical'), [warning({}), warning({ phase: 'withdrawn' })])).toEqual({
    type: 'none',
  })
})

test('a forecast whose crossing time moved is updated, at the same severity', () => {
  const forecast = (forecastFor: number) =>
    gauge('major', { kind: 'forecast-water-level', key: 'forecast-water-level:phu-an:III', forecastFor })
  const sent = warning({ kind: 'forecast-water-level', forecastFor: T + 3_600_000 })
  expect(planWarning(forecast(T + 3_600_000), [sent])).toEqual({ type: 'none' })
  expect(planWarning(forecast(T + 2_400_000), [sent])).toMatchObject({ msgType: 'Update' })
})

test('congestion and silent sensors never become public warnings', () => {
  expect(planWarning(gauge('critical', { kind: 'congestion' }), [])).toEqual({ type: 'none' })
  expect(planWarning(gauge('critical', { kind: 'sensor-silent' }), [])).toEqual({ type: 'none' })
})
