import type { GaugeStation, RoadSegment } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { congestionLevelsKph, defaultRulesConfig, loadRulesConfig, waterReleaseMarginM } from '@ioc/rules'
import { expect, test } from 'vitest'
import type { WaterLevelForecast } from '../water-level/forecast-water-level'
import {
  applyReading,
  applySpeedForecast,
  applyWaterForecast,
  emptyForecastAlertState,
} from './forecast-alerts'
import { verifyForecastAlert } from './verify-forecast-alert'

const network = loadNetwork()
const phuAn = network.stations.find((s) => s.id === 'phu-an') as GaugeStation
const phuAnRelease = { releaseMarginM: waterReleaseMarginM(defaultRulesConfig(), 'phu-an') }
const nguyenHuuCanh = network.segments.find((s) => s.name === 'Nguyễn Hữu Cảnh') as RoadSegment
const T0 = Date.parse('2025-11-06T17:00:00+07:00')
const MIN = 60_000

/** A straight rise from `fromM` by `perStepM` every 10 min. */
function rising(issuedAtMs: number, fromM: number, perStepM: number): WaterLevelForecast {
  const points = Array.from({ length: 19 }, (_, k) => {
    const levelM = fromM + k * perStepM
    return { atMs: issuedAtMs + k * 10 * MIN, levelM, lowerM: levelM - 0.1, upperM: levelM + 0.1 }
  })
  const transfer = { lagMin: 200, gain: 1.1, offsetM: 0.17, rmsM: 0.05, source: 'fitted' as const }
  return { stationId: 'phu-an', issuedAtMs, points, transfer, residualNowM: 0 }
}

test('a forecast crossing of báo động II raises an alert with its time and lead, in both languages', () => {
  // 1.30 m rising 5 cm per 10 min: II (1.50 m) at 17:40, 40 min ahead.
  const { events } = applyWaterForecast(emptyForecastAlertState(), phuAn, rising(T0, 1.3, 0.05), phuAnRelease)
  const ii = events.find((e) => e.key === 'forecast-water-level:phu-an:II')
  expect(ii).toMatchObject({
    type: 'raised',
    kind: 'forecast-water-level',
    forecastFor: T0 + 40 * MIN,
    leadMin: 40,
  })
  expect(ii?.message).toEqual({
    vi: 'Phú An dự báo vượt báo động II lúc 17:40 (còn 40 phút)',
    en: 'Phú An is forecast to pass báo động II at 17:40 (in 40 min)',
  })
})

test('the alert is re-issued when the crossing moves, then closed verified when the water gets there', () => {
  let { state } = applyWaterForecast(emptyForecastAlertState(), phuAn, rising(T0, 1.3, 0.05), phuAnRelease)
  const later = applyWaterForecast(state, phuAn, rising(T0 + 10 * MIN, 1.3, 0.025), phuAnRelease)
  state = later.state
  const ii = later.events.find((e) => e.key === 'forecast-water-level:phu-an:II')
  expect(ii).toMatchObject({ type: 'severity-changed', forecastFor: T0 + 90 * MIN, leadMin: 80 })
  const reached = applyReading(state, 'phu-an', { atMs: T0 + 95 * MIN, value: 1.51 })
  expect(reached.events.map((e) => [e.key, e.type, e.outcome])).toEqual([
    ['forecast-water-level:phu-an:I', 'cleared', 'verified'],
    ['forecast-water-level:phu-an:II', 'cleared', 'verified'],
  ])
  // Spent until the river falls 5 cm below the level: the same tide does not raise it again.
  const again = applyWaterForecast(reached.state, phuAn, rising(T0 + 100 * MIN, 1.2, 0.05), phuAnRelease)
  expect(again.events.filter((e) => e.key.endsWith(':II'))).toEqual([])
})

test('a forecast that does not happen is closed as missed an hour after its time', () => {
  // I due 17:20, II 17:40: at 18:25 only I's window has passed, at 18:45 II's too.
  const { state } = applyWaterForecast(emptyForecastAlertState(), phuAn, rising(T0, 1.3, 0.05), phuAnRelease)
  const first = applyReading(state, 'phu-an', { atMs: T0 + 85 * MIN, value: 1.35 })
  expect(first.events.map((e) => [e.key, e.outcome])).toEqual([['forecast-water-level:phu-an:I', 'missed']])
  const second = applyReading(first.state, 'phu-an', { atMs: T0 + 105 * MIN, value: 1.35 })
  expect(second.events.map((e) => [e.key, e.outcome])).toEqual([['forecast-water-level:phu-an:II', 'missed']])
  expect(second.events[0]?.message.en).toMatch(/^Forecast missed: Phú An is forecast to pass báo động II/)
})

test('verifyForecastAlert judges a claim from readings alone', () => {
  const claim = { direction: 'rise' as const, threshold: 1.6, raisedAt: T0, forecastFor: T0 + 30 * MIN }
  const readings = (values: number[]) => values.map((value, k) => ({ atMs: T0 + k * 30 * MIN, value }))
  expect(verifyForecastAlert(claim, readings([1.5, 1.55, 1.61]))).toEqual({
    verdict: 'verified',
    atMs: T0 + 60 * MIN,
  })
  expect(verifyForecastAlert(claim, readings([1.5, 1.55, 1.58, 1.59, 1.5]))).toEqual({
    verdict: 'missed',
    atMs: T0 + 120 * MIN,
  })
  expect(verifyForecastAlert(claim, readings([1.5]))).toEqual({ verdict: 'pending', atMs: null })
})

/** Nguyễn Hữu Cảnh flowing at 70 % of free flow now, forecast at 60 / 30 / 20 % in 15 / 30 / 60 min. */
function slowingDown() {
  const ff = nguyenHuuCanh.freeFlowKph
  return {
    segmentId: nguyenHuuCanh.id,
    issuedAtMs: T0,
    nowKph: ff * 0.7,
    leads: [
      [15, 0.6],
      [30, 0.3],
      [60, 0.2],
    ].map(([leadMin = 0, share = 0]) => ({
      leadMin,
      atMs: T0 + leadMin * MIN,
      speedKph: ff * share,
      usualKph: ff * 0.7,
    })),
  }
}

test('a flowing street forecast below 40 % of free flow raises a congestion forecast naming the lead', () => {
  const line = congestionLevelsKph(defaultRulesConfig(), nguyenHuuCanh)
  const { events } = applySpeedForecast(emptyForecastAlertState(), nguyenHuuCanh, slowingDown(), line)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({
    kind: 'forecast-congestion',
    leadMin: 30,
    forecastFor: T0 + 30 * MIN,
    threshold: Math.round(nguyenHuuCanh.freeFlowKph * 0.4 * 10) / 10,
  })
  expect(events[0]?.message).toEqual({
    vi: 'Nguyễn Hữu Cảnh dự báo ùn tắc trong 30 phút',
    en: 'Nguyễn Hữu Cảnh is forecast to congest in 30 min',
  })
})

test('a rules file with a lower congestion line moves the forecast to the lead below it', () => {
  const defaults = defaultRulesConfig()
  const changed = loadRulesConfig(
    { ...defaults, congestion: { ...defaults.congestion, warningBelowRatio: 0.25, majorBelowRatio: 0.1 } },
    network,
  )
  if (!changed.ok) throw new Error(JSON.stringify(changed.error))
  const line = congestionLevelsKph(changed.value, nguyenHuuCanh)
  const { events, state } = applySpeedForecast(emptyForecastAlertState(), nguyenHuuCanh, slowingDown(), line)
  expect(events.map((e) => e.leadMin)).toEqual([60])
  expect(state.open.get(`forecast-congestion:${nguyenHuuCanh.id}`)?.releaseAt).toBeCloseTo(
    nguyenHuuCanh.freeFlowKph * 0.6,
    9,
  )
})
