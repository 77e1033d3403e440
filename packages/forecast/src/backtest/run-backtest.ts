import {
  ALARM_LEVELS,
  type AlertEvent,
  type GaugeStation,
  localMidnightMs,
  type Network,
  type Observation,
  type RoadSegment,
} from '@ioc/domain'
import {
  applyReading,
  applySpeedForecast,
  applyWaterForecast,
  type CongestionLine,
  emptyForecastAlertState,
  type ForecastAlertState,
} from '../alerts/forecast-alerts'
import { createSeriesStore, type SeriesHistory } from '../history/series-history'
import { applyTideTransfer } from '../tide/fit-tide-transfer'
import { createVungTauTide } from '../tide/vung-tau-tide'
import { forecastSegmentSpeed } from '../traffic/forecast-traffic'
import { forecastStreetFloodFactors } from '../traffic/street-flood-factors'
import { fitTrafficModel, type TrafficModel } from '../traffic/traffic-model'
import { fitGaugeTransfer, type GaugeTransfer } from '../water-level/fit-gauge-transfer'
import { forecastWaterLevel } from '../water-level/forecast-water-level'
import { type AlertSkill, findPassages, type ObservedEvent, scoreAlerts } from './alert-skill'
import { ErrorStats } from './error-stats'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

export interface BacktestOptions {
  /** First forecast time; default the first observation + `warmupDays`, on the hour. */
  fromMs?: number
  /** Last forecast time (exclusive); default the last observation − 6 h. */
  toMs?: number
  /** Days of history before the first forecast (default 7: a transfer fit and a week of profiles). */
  warmupDays?: number
  /** Gauges forecast (default phu-an and nha-be, the two tide gauges with fitted transfers). */
  gaugeIds?: readonly string[]
  /** Minutes between forecast times (default 10 for water, 15 for traffic); errors are scored hourly. */
  waterEveryMin?: number
  trafficEveryMin?: number
  tide?: (atMs: number) => number
  /** Metres below a passed level a gauge must fall before it is passed again: the rules' `waterReleaseMarginM`. */
  releaseMarginM: (stationId: string) => number
  /** A segment's congestion line: the rules' `congestionLevelsKph`. */
  congestionLine: (segment: RoadSegment) => CongestionLine
}

export interface LeadRow {
  lead: string
  forecast: { n: number; mae: number; bias: number }
  baselines: Record<string, { n: number; mae: number; bias: number }>
}

export interface BacktestReport {
  fromMs: number
  toMs: number
  waterLevel: LeadRow[]
  traffic: LeadRow[]
  /** Traffic errors on segments through a street under water at the forecast time. */
  trafficFlooded: LeadRow[]
  alerts: { waterLevel: AlertSkill; congestion: AlertSkill }
  forecasts: { water: number; traffic: number }
}

const WATER_LEADS_H = [1, 3, 6]

/**
 * Replays time-ordered observations and forecasts at regular times from the data before each one only
 * (every forecast function clips its history at its forecast time), scoring the water-level forecast
 * against persistence and the astronomical tide through the same fitted transfer, the traffic forecast
 * against persistence, the usual profile and the seasonal naive (the same time a week before), and the
 * forecast alerts against the real passages.
 */
export function runBacktest(
  observations: Iterable<Observation>,
  network: Network,
  options: BacktestOptions,
): BacktestReport {
  const store = createSeriesStore()
  const trafficIds = new Set<string>()
  let firstMs = Number.POSITIVE_INFINITY
  let lastMs = Number.NEGATIVE_INFINITY
  for (const o of observations) {
    const atMs = Date.parse(o.observedAt)
    firstMs = Math.min(firstMs, atMs)
    lastMs = Math.max(lastMs, atMs)
    if (o.type === 'water') store.append(o.stationId, atMs, o.value)
    else if (store.append(o.segmentId, atMs, o.speedKph)) trafficIds.add(o.segmentId)
  }
  const fromMs =
    options.fromMs ?? Math.ceil((firstMs + (options.warmupDays ?? 7) * DAY_MS) / HOUR_MS) * HOUR_MS
  const toMs = options.toMs ?? lastMs - 6 * HOUR_MS
  const gaugeIds = new Set(options.gaugeIds ?? ['phu-an', 'nha-be'])
  const gauges = network.stations.filter(
    (s): s is GaugeStation => s.kind !== 'street-flood-sensor' && gaugeIds.has(s.id),
  )
  const segments = network.segments.filter((s) => trafficIds.has(s.id))
  const water = backtestWater(store, gauges, fromMs, toMs, options)
  const traffic = backtestTraffic(store, network, segments, fromMs, toMs, options)
  return {
    fromMs,
    toMs,
    waterLevel: water.rows,
    traffic: traffic.rows,
    trafficFlooded: traffic.floodedRows,
    alerts: { waterLevel: water.skill, congestion: traffic.skill },
    forecasts: { water: water.count, traffic: traffic.count },
  }
}

function backtestWater(
  store: SeriesHistory,
  gauges: readonly GaugeStation[],
  fromMs: number,
  toMs: number,
  options: BacktestOptions,
) {
  const tide = options.tide ?? createVungTauTide()
  const stepMs = (options.waterEveryMin ?? 10) * MINUTE_MS
  const stats = WATER_LEADS_H.map(() => ({
    forecast: new ErrorStats(),
    persistence: new ErrorStats(),
    tide: new ErrorStats(),
  }))
  let state: ForecastAlertState = emptyForecastAlertState()
  const events: AlertEvent[] = []
  const transfers = new Map<string, GaugeTransfer>()
  let count = 0
  for (let t = fromMs; t < toMs; t += stepMs) {
    const onHour = (t - fromMs) % HOUR_MS === 0
    for (const g of gauges) {
      for (const r of store.range(g.id, t - stepMs + 1, t + 1)) {
        const step = applyReading(state, g.id, r)
        state = step.state
        events.push(...step.events)
      }
      if (onHour || !transfers.has(g.id)) {
        const fit = fitGaugeTransfer(store, g.id, t, tide)
        if (fit.ok) transfers.set(g.id, fit.value)
      }
      const transfer = transfers.get(g.id)
      if (!transfer) continue
      const result = forecastWaterLevel(store, g.id, t, tide, { transfer })
      if (!result.ok) continue
      count++
      const step = applyWaterForecast(state, g, result.value, {
        releaseMarginM: options.releaseMarginM(g.id),
      })
      state = step.state
      events.push(...step.events)
      if (!onHour) continue
      const now = store.range(g.id, t - HOUR_MS, t + 1).at(-1)
      WATER_LEADS_H.forEach((h, k) => {
        const target = t + h * HOUR_MS
        const observed = store.range(g.id, target, target + 1)[0]
        const point = result.value.points.find((p) => p.atMs === target)
        const s = stats[k]
        if (!observed || !point || !now || !s) return
        s.forecast.add(point.levelM, observed.value)
        s.persistence.add(now.value, observed.value)
        s.tide.add(applyTideTransfer(tide, transfer, target), observed.value)
      })
    }
  }
  const observed: ObservedEvent[] = gauges.flatMap((g) =>
    ALARM_LEVELS.flatMap((level) => {
      const threshold = g.alarmLevelsM[level]
      if (threshold === null) return []
      const readings = store.range(g.id, fromMs, toMs)
      return findPassages(
        `forecast-water-level:${g.id}:${level}`,
        readings,
        'rise',
        threshold,
        threshold - options.releaseMarginM(g.id),
      )
    }),
  )
  const rows = WATER_LEADS_H.map((h, k) => {
    const s = stats[k] as (typeof stats)[number]
    return {
      lead: `${h} h`,
      forecast: s.forecast.summary(4),
      baselines: { persistence: s.persistence.summary(4), 'astronomical tide': s.tide.summary(4) },
    }
  })
  return { rows, skill: scoreAlerts(events, observed), count }
}

function backtestTraffic(
  store: SeriesHistory,
  network: Network,
  segments: Network['segments'],
  fromMs: number,
  toMs: number,
  options: BacktestOptions,
) {
  const stepMs = (options.trafficEveryMin ?? 15) * MINUTE_MS
  const leads = [15, 30, 60]
  const make = () =>
    leads.map(() => ({
      forecast: new ErrorStats(),
      persistence: new ErrorStats(),
      profile: new ErrorStats(),
      seasonal: new ErrorStats(),
    }))
  const all = make()
  const flooded = make()
  let model: TrafficModel | undefined
  let state: ForecastAlertState = emptyForecastAlertState()
  const events: AlertEvent[] = []
  let count = 0
  for (let t = fromMs; t < toMs; t += stepMs) {
    const midnight = localMidnightMs(t)
    if (!model || model.asOfMs < midnight)
      model = fitTrafficModel(store, segments, midnight, { leadsMin: leads })
    const floods = forecastStreetFloodFactors(store, network, t, leads)
    for (const s of segments) {
      for (const r of store.range(s.id, t - stepMs + 1, t + 1)) {
        const step = applyReading(state, s.id, r)
        state = step.state
        events.push(...step.events)
      }
      const f = forecastSegmentSpeed(store, model, s, t, floods.get(s.id))
      count++
      const step = applySpeedForecast(state, s, f, options.congestionLine(s))
      state = step.state
      events.push(...step.events)
      f.leads.forEach((l, k) => {
        const observed = store.range(s.id, l.atMs, l.atMs + 1)[0]
        if (!observed || f.nowKph === null) return
        // Seasonal naive: the same time a week before (weekday and weekend differ), long before `t`.
        const weekAgo = store.range(s.id, l.atMs - 7 * DAY_MS, l.atMs - 7 * DAY_MS + 1)[0]
        for (const stats of floods.has(s.id) ? [all, flooded] : [all]) {
          const e = stats[k]
          if (!e) continue
          e.forecast.add(l.speedKph, observed.value)
          e.persistence.add(f.nowKph, observed.value)
          e.profile.add(l.usualKph, observed.value)
          if (weekAgo) e.seasonal.add(weekAgo.value, observed.value)
        }
      })
    }
  }
  const observed = segments.flatMap((s) => {
    const line = options.congestionLine(s)
    return findPassages(
      `forecast-congestion:${s.id}`,
      store.range(s.id, fromMs, toMs),
      'fall',
      line.congestedBelowKph,
      line.releaseAboveKph,
    )
  })
  const rows = (stats: typeof all) =>
    leads.map((lead, k) => {
      const s = stats[k] as (typeof all)[number]
      return {
        lead: `${lead} min`,
        forecast: s.forecast.summary(3),
        baselines: {
          persistence: s.persistence.summary(3),
          'usual profile': s.profile.summary(3),
          'seasonal naive': s.seasonal.summary(3),
        },
      }
    })
  return { rows: rows(all), floodedRows: rows(flooded), skill: scoreAlerts(events, observed), count }
}
