import { type Alert, newAlert, type RoadSegment, type WaterStation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig, waterReleaseMarginM } from '@ioc/rules'
import { expect, test } from 'vitest'
import { computeReport } from './compute-report'

const network = loadNetwork()
const phuAn = network.stations.find((s) => s.id === 'phu-an') as WaterStation
const ungVanKhiem = network.stations.find((s) => s.id === 'fs-002') as WaterStation
const nhc = network.segments.find((s) => s.id === 'seg-1774287392-1774287403') as RoadSegment
const T0 = Date.parse('2025-11-06T00:00:00+07:00')
const H = 3_600_000
const S = 1000

function alert(a: Partial<Alert> & Pick<Alert, 'kind' | 'severity' | 'subject' | 'raisedAt'>): Alert {
  return newAlert({
    id: `${a.kind}-${a.raisedAt}`,
    key: `${a.kind}:${a.subject.id}`,
    value: 0,
    threshold: 0,
    unit: '',
    message: { vi: 'x', en: 'x' },
    active: a.clearedAt === undefined || a.clearedAt === null,
    ...a,
  })
}
const ack = (at: number) => ({ by: 'duty', at, note: '' })
const resolved = (at: number) => ({ by: 'duty', at, note: 'ok', forced: false })
const station = (s: WaterStation) => ({ type: 'station' as const, id: s.id })
const segment = { type: 'segment' as const, id: nhc.id }

// A day at Phú An, Ung Văn Khiêm and one Nguyễn Hữu Cảnh segment; the figures below are worked by hand.
const alerts = [
  // Acknowledged in 300 s, resolved in 3600 s.
  alert({
    kind: 'water-level',
    severity: 'critical',
    subject: station(phuAn),
    raisedAt: T0 + H,
    clearedAt: T0 + 1.5 * H,
    ack: ack(T0 + H + 300 * S),
    resolution: resolved(T0 + 2 * H),
  }),
  // 900 s, 7200 s; the street under water 1.5 h.
  alert({
    kind: 'street-flood',
    severity: 'major',
    subject: station(ungVanKhiem),
    raisedAt: T0 + 2 * H,
    clearedAt: T0 + 3.5 * H,
    ack: ack(T0 + 2 * H + 900 * S),
    resolution: resolved(T0 + 4 * H),
  }),
  // Raised the day before: not counted, but its last hour of congestion is.
  alert({ kind: 'congestion', severity: 'warning', subject: segment, raisedAt: T0 - H, clearedAt: T0 + H }),
  // Still congested at the end of the day: 4 h; acknowledged in exactly the 600 s target.
  alert({
    kind: 'congestion',
    severity: 'warning',
    subject: segment,
    raisedAt: T0 + 20 * H,
    ack: ack(T0 + 20 * H + 600 * S),
  }),
  // The báo động III forecast, raised 16:20, verified at the 17:05 crossing; acknowledged in 120 s.
  alert({
    kind: 'forecast-water-level',
    key: 'forecast-water-level:phu-an:III',
    severity: 'major',
    subject: station(phuAn),
    raisedAt: T0 + 16 * H + 20 * 60 * S,
    clearedAt: T0 + 17 * H + 5 * 60 * S,
    outcome: 'verified',
    ack: ack(T0 + 16 * H + 22 * 60 * S),
  }),
  // A congestion forecast that did not happen.
  alert({
    kind: 'forecast-congestion',
    severity: 'warning',
    subject: segment,
    raisedAt: T0 + 10 * H,
    clearedAt: T0 + 11.25 * H,
    outcome: 'missed',
  }),
]
// Below báo động I (1.40 m) overnight, past III (1.60 m) at 17:05, peak 1.68 m at 18:00.
const readings = [
  [3, 1.2],
  [15, 1.3],
  [17 + 5 / 60, 1.62],
  [18, 1.68],
  [20, 1.1],
].map(([h = 0, value = 0]) => ({ atMs: T0 + h * H, value }))

const input = {
  fromMs: T0,
  toMs: T0 + 24 * H,
  nowMs: T0 + 30 * H,
  ackTargetMs: 600 * S,
  alerts,
  gaugeReadings: new Map([['phu-an', readings]]),
  network: { segments: [nhc], stations: [phuAn, ungVanKhiem] },
  releaseMarginM: (stationId: string) => waterReleaseMarginM(defaultRulesConfig(), stationId),
  citizenReports: [],
  incidents: [],
}
const report = computeReport(input)

test('city-wide: counts, response times, hours, the peak and forecast skill match the hand count', () => {
  const city = report.sections[0]
  expect(city?.district).toBeNull()
  expect(city?.alertCounts).toEqual([
    { kind: 'congestion', severity: 'warning', count: 1 },
    { kind: 'forecast-congestion', severity: 'warning', count: 1 },
    { kind: 'forecast-water-level', severity: 'major', count: 1 },
    { kind: 'street-flood', severity: 'major', count: 1 },
    { kind: 'water-level', severity: 'critical', count: 1 },
  ])
  // Acks 120, 300, 600, 900 s: median (300 + 600) / 2; p90 at rank 2.7 = 600 + 0.7 × 300. 3 of 5 in 600 s.
  expect(city?.ack).toEqual({ n: 4, medianS: 450, p90S: 810, withinTargetShare: 0.6 })
  // Resolutions 3600 and 7200 s.
  expect(city?.resolve).toEqual({ n: 2, medianS: 5400, p90S: 6840 })
  expect(city?.congestion).toEqual([{ segmentId: nhc.id, name: 'Nguyễn Hữu Cảnh', hours: 5 }])
  expect(city?.floods).toEqual([{ stationId: 'fs-002', name: 'Ung Văn Khiêm', hours: 1.5 }])
  expect(city?.gauges).toEqual([
    {
      stationId: 'phu-an',
      name: 'Phú An',
      maxM: 1.68,
      maxAt: T0 + 18 * H,
      alarmLevelsM: { I: 1.4, II: 1.5, III: 1.6 },
      reached: 'III',
    },
  ])
  // Phú An passed I, II and III at 17:05; only III was forecast. One congestion forecast, missed.
  expect(city?.forecastSkill).toEqual([
    { kind: 'forecast-water-level', verified: 1, missed: 0, far: 0, events: 3, detected: 1, pod: 1 / 3 },
    { kind: 'forecast-congestion', verified: 0, missed: 1, far: 1, events: 1, detected: 0, pod: 0 },
  ])
})

test('each district gets the figures of its own subjects', () => {
  expect(report.sections.map((s) => s.district)).toEqual([null, 'Quận Bình Thạnh', 'Thành phố Thủ Đức'])
  const binhThanh = report.sections[1]
  // Acks 600 and 900 s; of B, D and F raised there, only D within target.
  expect(binhThanh?.ack).toEqual({ n: 2, medianS: 750, p90S: 870, withinTargetShare: 1 / 3 })
  expect(binhThanh?.gauges).toEqual([])
  expect(binhThanh?.forecastSkill[0]).toMatchObject({
    verified: 0,
    missed: 0,
    far: null,
    events: 0,
    pod: null,
  })
  const thuDuc = report.sections[2]
  expect(thuDuc?.alertCounts.map((c) => c.kind)).toEqual(['forecast-water-level', 'water-level'])
  expect(thuDuc?.congestion).toEqual([])
})

test('a report of today counts a congestion still going on up to now, not to the end of the day', () => {
  const today = computeReport({ ...input, nowMs: T0 + 22 * H })
  // 1 h carried over from the day before, then 20:00 → now (22:00).
  expect(today.sections[0]?.congestion).toEqual([{ segmentId: nhc.id, name: 'Nguyễn Hữu Cảnh', hours: 3 }])
})

test('a báo động passage is counted again only past the rules file’s release margin', () => {
  // Past I (1.40 m), down to 1.37 m, past I again: one passage with 5 cm to fall, two with 2 cm.
  const dip = [1.3, 1.42, 1.37, 1.42].map((value, h) => ({ atMs: T0 + (h + 1) * H, value }))
  const defaults = defaultRulesConfig()
  const narrow = { ...defaults, waterLevel: { ...defaults.waterLevel, clearMarginM: 0.02 } }
  const events = (rules: typeof defaults) =>
    computeReport({
      ...input,
      alerts: [],
      gaugeReadings: new Map([['phu-an', dip]]),
      releaseMarginM: (stationId) => waterReleaseMarginM(rules, stationId),
    }).sections[0]?.forecastSkill[0]?.events
  expect(events(defaults)).toBe(1)
  expect(events(narrow)).toBe(2)
})
