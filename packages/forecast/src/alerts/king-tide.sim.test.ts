import type { AlertEvent, GaugeStation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig, waterReleaseMarginM } from '@ioc/rules'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { expect, test } from 'vitest'
import { createSeriesStore } from '../history/series-history'
import { createVungTauTide } from '../tide/vung-tau-tide'
import { forecastWaterLevel } from '../water-level/forecast-water-level'
import { predictCrossings } from '../water-level/predict-crossings'
import { applyReading, applyWaterForecast, emptyForecastAlertState } from './forecast-alerts'

const MIN_MS = 60_000
// The king-tide day with five days before it, so the transfer is fitted to Phú An's own week; gauges only.
const { scenario } = loadScenario('king-tide-2025-11-06')
const withHistory = {
  ...scenario,
  from: '2025-11-01T00:00:00+07:00',
  traffic: { ...scenario.traffic, segmentIds: [] },
}
const store = createSeriesStore()
for (const o of generateObservations(withHistory, loadWorld())) {
  if (o.type === 'water' && o.stationId === 'phu-an')
    store.append(o.stationId, Date.parse(o.observedAt), o.value)
}
const phuAn = loadNetwork().stations.find((s) => s.id === 'phu-an') as GaugeStation
const tide = createVungTauTide()
const day = (hhmm: string) => Date.parse(`2025-11-06T${hhmm}:00+07:00`)
/** Phú An's real passage of báo động III (1.60 m) after `fromMs`: the first reading at or above it. */
const realCrossing = (fromMs: number) =>
  store.range('phu-an', fromMs, day('23:59')).find((r) => r.value >= 1.6)?.atMs

test.each([
  ['morning', '00:00', '03:10'],
  ['evening', '12:00', '16:35'],
])('the %s passage of báo động III is forecast 30 min ahead within 15 min', (_, from, reported) => {
  const crossingMs = realCrossing(day(from)) as number
  expect(crossingMs).toBe(day(reported))
  const r = forecastWaterLevel(store, 'phu-an', crossingMs - 30 * MIN_MS, tide)
  if (!r.ok) throw new Error(r.error.code)
  const iii = predictCrossings(r.value.points, phuAn.alarmLevelsM).find((c) => c.level === 'III')
  expect(Math.abs((iii?.atMs ?? 0) - crossingMs)).toBeLessThanOrEqual(15 * MIN_MS)
})

test('refreshed every 10 min from noon, the báo động III forecast alert comes ≥ 30 min early and is verified', () => {
  let state = emptyForecastAlertState()
  const events: AlertEvent[] = []
  for (let t = day('12:00'); t <= day('18:00'); t += 10 * MIN_MS) {
    for (const reading of store.range('phu-an', t - 10 * MIN_MS + 1, t + 1)) {
      const step = applyReading(state, 'phu-an', reading)
      state = step.state
      events.push(...step.events)
    }
    const f = forecastWaterLevel(store, 'phu-an', t, tide)
    if (!f.ok) throw new Error(f.error.code)
    const step = applyWaterForecast(state, phuAn, f.value, {
      releaseMarginM: waterReleaseMarginM(defaultRulesConfig(), 'phu-an'),
    })
    state = step.state
    events.push(...step.events)
  }
  const iii = events.filter((e) => e.key === 'forecast-water-level:phu-an:III')
  const raised = iii.find((e) => e.type === 'raised') as AlertEvent
  expect(day('16:35') - raised.at).toBeGreaterThanOrEqual(30 * MIN_MS)
  expect(raised.message.vi).toMatch(/^Phú An dự báo vượt báo động III lúc 1[56]:\d\d \(còn \d+ phút\)$/)
  expect(raised.message.en).toMatch(/^Phú An is forecast to pass báo động III at 1[56]:\d\d \(in \d+ min\)$/)
  expect(iii.at(-1)).toMatchObject({ type: 'cleared', outcome: 'verified', at: day('16:35') })
})
