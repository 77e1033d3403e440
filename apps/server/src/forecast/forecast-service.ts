import {
  type AlertEvent,
  type GaugeStation,
  localMidnightMs,
  type Network,
  positionsById,
  type TrafficForecast,
  type TrafficForecastLead,
  type WaterForecast,
} from '@ioc/domain'
import {
  applyReading,
  applySpeedForecast,
  applyWaterForecast,
  createSeriesStore,
  type ForecastAlertState,
  fitGaugeTransfer,
  fitTrafficModel,
  forecastSegmentSpeed,
  forecastStreetFloodFactors,
  forecastWaterLevel,
  type GaugeTransfer,
  predictCrossings,
  type TideTransfer,
  type TrafficModel,
} from '@ioc/forecast'
import { congestionLevelsKph, type RulesConfig, waterReleaseMarginM } from '@ioc/rules'
import type { Logger } from 'pino'
import type { Store } from '../store/store'
import { createLiveSeries } from './live-series'
import { restoreForecastState } from './restore-forecast-state'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS
const LEADS_MIN = [15, 30, 60] as const
/** Days of traffic the daily model is fitted on (the traffic model's default profile window). */
const PROFILE_DAYS = 21
/** Runs further apart than this rebuild their memory from the store (see `run`). */
const RESYNC_AFTER_MS = HOUR_MS
/** A segment silent for longer than this has no current speed to forecast from. */
const TRAFFIC_MAX_AGE_MS = 15 * MINUTE_MS

export interface ForecastService {
  /**
   * One forecast round at `nowMs`, data time (the wall clock when live, the data's own clock in tests):
   * the readings since the last round close the forecast alerts they verify or miss, every tide gauge
   * and every reporting segment is forecast, and the alert changes go through the alert lifecycle.
   */
  run(nowMs: number): Promise<void>
  water(stationId: string): WaterForecast | undefined
  traffic(leadMin: TrafficForecastLead): TrafficForecast | undefined
}

export interface ForecastDeps {
  store: Store
  network: Network
  tide: (atMs: number) => number
  priors: ReadonlyMap<string, TideTransfer>
  /** The rules the engine runs: a forecast's release margin is the engine's. */
  rules: RulesConfig
  /** The alert lifecycle's entry for events made outside the rules engine. */
  commitEvents(events: readonly AlertEvent[], nowMs: number): Promise<unknown>
  logger: Logger
}

export function createForecastService(deps: ForecastDeps): ForecastService {
  const { store, network, tide, priors, rules, logger } = deps
  let series = createLiveSeries(store, network)
  const gauges = network.stations.filter((s): s is GaugeStation => s.kind === 'tide-gauge')
  const segmentIdx = positionsById(network.segments)
  const transfers = new Map<string, { fit: GaugeTransfer; atMs: number }>()
  const waterForecasts = new Map<string, WaterForecast>()
  const trafficForecasts = new Map<TrafficForecastLead, TrafficForecast>()
  let model: TrafficModel | undefined
  let state: ForecastAlertState | undefined
  let lastRunMs: number | undefined

  function transferFor(g: GaugeStation, nowMs: number): GaugeTransfer | undefined {
    const known = transfers.get(g.id)
    // Refitted hourly: a week's fit barely moves in an hour, and the fit is the costly part.
    if (known && nowMs - known.atMs < HOUR_MS) return known.fit
    const prior = priors.get(g.id)
    const fit = fitGaugeTransfer(series, g.id, nowMs, tide, prior ? { priorTransfer: prior } : {})
    if (!fit.ok) {
      logger.debug({ gauge: g.id, error: fit.error }, 'no tide transfer yet')
      return known?.fit
    }
    transfers.set(g.id, { fit: fit.value, atMs: nowMs })
    return fit.value
  }

  function forecastGauges(s: ForecastAlertState, nowMs: number, events: AlertEvent[]): ForecastAlertState {
    for (const g of gauges) {
      const transfer = transferFor(g, nowMs)
      if (!transfer) continue
      const r = forecastWaterLevel(series, g.id, nowMs, tide, { transfer })
      if (!r.ok) {
        logger.debug({ gauge: g.id, error: r.error }, 'no water-level forecast')
        waterForecasts.delete(g.id)
        continue
      }
      const f = r.value
      waterForecasts.set(g.id, {
        stationId: g.id,
        issuedAt: f.issuedAtMs,
        points: f.points.map((p) => ({ at: p.atMs, levelM: p.levelM, lowerM: p.lowerM, upperM: p.upperM })),
        transfer: {
          lagMin: f.transfer.lagMin,
          gain: f.transfer.gain,
          offsetM: f.transfer.offsetM,
          source: f.transfer.source,
        },
        residualNowM: f.residualNowM,
        crossings: predictCrossings(f.points, g.alarmLevelsM).map((c) => ({
          level: c.level,
          thresholdM: c.thresholdM,
          at: Math.round(c.atMs),
          leadMin: c.leadMin,
        })),
      })
      const step = applyWaterForecast(s, g, f, { releaseMarginM: waterReleaseMarginM(rules, g.id) })
      s = step.state
      events.push(...step.events)
    }
    return s
  }

  /** The traffic model of the day, fitted at local midnight on the reporting segments' last three weeks. */
  async function modelFor(nowMs: number, segmentIds: readonly string[]): Promise<TrafficModel> {
    const midnight = localMidnightMs(nowMs)
    // Refitted once a day, or sooner when the first segments report after a fit that had none.
    if (model && model.asOfMs === midnight && (model.segments.size > 0 || segmentIds.length === 0))
      return model
    const history = createSeriesStore()
    for (const id of segmentIds) {
      const h = await store.history({
        type: 'traffic',
        subjectId: id,
        fromMs: midnight - PROFILE_DAYS * DAY_MS,
        toMs: midnight,
        maxPoints: 10_000,
      })
      for (const p of h.points) history.append(id, p.observedAt, p.value)
    }
    const segments = network.segments.filter((s) => segmentIds.includes(s.id))
    model = fitTrafficModel(history, segments, midnight, { leadsMin: LEADS_MIN })
    logger.info({ segments: segments.length, asOf: new Date(midnight).toISOString() }, 'traffic model fitted')
    return model
  }

  async function forecastTraffic(s: ForecastAlertState, nowMs: number, events: AlertEvent[]) {
    const ids = series
      .trafficSubjects()
      .filter((id) => series.range(id, nowMs - TRAFFIC_MAX_AGE_MS, nowMs + 1).length > 0)
    const m = await modelFor(nowMs, series.trafficSubjects())
    const floods = forecastStreetFloodFactors(series, network, nowMs, LEADS_MIN)
    const columns = LEADS_MIN.map(() => ({
      segmentIdx: [] as number[],
      speedKph: [] as number[],
      usualKph: [] as number[],
    }))
    for (const id of ids) {
      const segment = network.segments[segmentIdx.get(id) ?? -1]
      if (!segment) continue
      const f = forecastSegmentSpeed(series, m, segment, nowMs, floods.get(id))
      f.leads.forEach((l, k) => {
        const c = columns[k]
        if (!c) return
        c.segmentIdx.push(segmentIdx.get(id) as number)
        c.speedKph.push(round1(l.speedKph))
        c.usualKph.push(round1(l.usualKph))
      })
      const step = applySpeedForecast(s, segment, f, congestionLevelsKph(rules, segment))
      s = step.state
      events.push(...step.events)
    }
    LEADS_MIN.forEach((leadMin, k) => {
      const c = columns[k]
      if (c)
        trafficForecasts.set(leadMin, { networkVersion: network.version, issuedAt: nowMs, leadMin, ...c })
    })
    return s
  }

  return {
    async run(nowMs) {
      // A long gap means this instance did not hold the lease meanwhile (or the server was stopped):
      // another may have moved the alerts on, so start again from the store rather than from memory.
      if (lastRunMs !== undefined && Math.abs(nowMs - lastRunMs) > RESYNC_AFTER_MS) {
        series = createLiveSeries(store, network)
        state = undefined
      }
      lastRunMs = nowMs
      let s = state ?? (await restoreForecastState(store, network, rules, nowMs))
      const events: AlertEvent[] = []
      for (const o of await series.advance(nowMs)) {
        const subject = o.type === 'water' ? o.stationId : o.segmentId
        const value = o.type === 'water' ? o.value : o.speedKph
        const step = applyReading(s, subject, { atMs: Date.parse(o.observedAt), value })
        s = step.state
        events.push(...step.events)
      }
      s = forecastGauges(s, nowMs, events)
      s = await forecastTraffic(s, nowMs, events)
      try {
        await deps.commitEvents(events, nowMs)
        state = s
      } catch (err) {
        // The store did not take these events: rebuild from what it holds next round.
        state = undefined
        throw err
      }
    },
    water: (stationId) => waterForecasts.get(stationId),
    traffic: (leadMin) => trafficForecasts.get(leadMin),
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10
}
