import { type AlertEvent, FORECAST_ALARM_SEVERITY, type GaugeStation, type RoadSegment } from '@ioc/domain'
import type { SpeedForecast } from '../traffic/forecast-traffic'
import type { WaterLevelForecast } from '../water-level/forecast-water-level'
import { predictCrossings } from '../water-level/predict-crossings'
import { congestionRaisedMessage, verdictMessage, waterRaisedMessage } from './forecast-messages'
import { DEFAULT_TOLERANCE_MS, type ForecastClaim, judgeReading } from './verify-forecast-alert'

/** One open forecast alert: its claim and the last event sent for it. */
export interface OpenForecastAlert {
  claim: ForecastClaim
  toleranceMs: number
  /** Once verified, the key stays quiet until a reading is back past this (below for water, above for speed). */
  releaseAt: number
  event: AlertEvent
}

/**
 * Open forecast alerts by key, and the keys whose event has happened: those stay quiet until the
 * subject is back on the safe side (`releaseAt`), so one tide does not raise a forecast twice.
 */
export interface ForecastAlertState {
  open: ReadonlyMap<string, OpenForecastAlert>
  spent: ReadonlyMap<string, { direction: 'rise' | 'fall'; releaseAt: number }>
}

export const emptyForecastAlertState = (): ForecastAlertState => ({ open: new Map(), spent: new Map() })

export interface WaterAlertOptions {
  /** Crossings further ahead than this are not alerted yet, minutes (default 180: the wall's "next 3 h"). */
  horizonMin?: number
  /** A crossing time that moves by at least this much re-issues the alert, minutes (default 10). */
  updateMin?: number
  toleranceMs?: number
  /** The level must fall this far below a passed threshold before it can be forecast again, m: the rules' `waterReleaseMarginM`. */
  releaseMarginM: number
}

/**
 * Raises `forecast-water-level:<station>:<level>` for each báo động level the forecast crosses within
 * the horizon, and re-issues it (as `severity-changed`, same severity) when the crossing time moves.
 * A forecast that stops crossing leaves the alert open: it is judged when its time comes.
 */
export function applyWaterForecast(
  state: ForecastAlertState,
  station: GaugeStation,
  forecast: WaterLevelForecast,
  options: WaterAlertOptions,
): { state: ForecastAlertState; events: AlertEvent[] } {
  const horizonMin = options.horizonMin ?? 180
  const updateMs = (options.updateMin ?? 10) * 60_000
  const open = new Map(state.open)
  const events: AlertEvent[] = []
  const now = forecast.issuedAtMs
  for (const c of predictCrossings(forecast.points, station.alarmLevelsM)) {
    if (c.leadMin > horizonMin) continue
    const key = `forecast-water-level:${station.id}:${c.level}`
    if (state.spent.has(key)) continue
    const prior = open.get(key)
    if (prior && Math.abs(prior.claim.forecastFor - c.atMs) < updateMs) continue
    const event: AlertEvent = {
      type: prior ? 'severity-changed' : 'raised',
      key,
      kind: 'forecast-water-level',
      subject: { type: 'station', id: station.id },
      severity: FORECAST_ALARM_SEVERITY[c.level],
      value: round(levelAt(forecast, c.atMs), 3),
      threshold: c.thresholdM,
      unit: 'm',
      at: now,
      message: waterRaisedMessage(station.name, c.level, c.atMs, c.leadMin),
      forecastFor: Math.round(c.atMs),
      leadMin: Math.round(c.leadMin),
    }
    const claim: ForecastClaim = {
      direction: 'rise',
      threshold: c.thresholdM,
      raisedAt: prior?.claim.raisedAt ?? now,
      forecastFor: c.atMs,
    }
    open.set(key, {
      claim,
      toleranceMs: options.toleranceMs ?? DEFAULT_TOLERANCE_MS,
      releaseAt: c.thresholdM - options.releaseMarginM,
      event,
    })
    events.push(event)
  }
  return { state: { open, spent: state.spent }, events }
}

/** A congestion forecast is judged within 15 min of its time (a water one within `DEFAULT_TOLERANCE_MS`). */
export const CONGESTION_TOLERANCE_MS = 15 * 60_000
/** A segment's congestion line, km/h: the rules' `congestionLevelsKph` for it, so forecasts and the engine agree. */
export interface CongestionLine {
  /** Congested below this speed: the rules' warning level. */
  congestedBelowKph: number
  /** A verified forecast's segment is released once above this speed again: the rules' clear level. */
  releaseAboveKph: number
}

export interface CongestionAlertOptions extends CongestionLine {
  toleranceMs?: number
}

/**
 * Raises `forecast-congestion:<segment>` when a segment flowing now is forecast below the congestion
 * speed at one of the leads; the alert names the first such lead.
 */
export function applySpeedForecast(
  state: ForecastAlertState,
  segment: RoadSegment,
  forecast: SpeedForecast,
  options: CongestionAlertOptions,
): { state: ForecastAlertState; events: AlertEvent[] } {
  const threshold = options.congestedBelowKph
  const key = `forecast-congestion:${segment.id}`
  const hit = forecast.leads.find((l) => l.speedKph < threshold)
  if (!hit || forecast.nowKph === null || forecast.nowKph < threshold) return { state, events: [] }
  if (state.open.has(key) || state.spent.has(key)) return { state, events: [] }
  const event: AlertEvent = {
    type: 'raised',
    key,
    kind: 'forecast-congestion',
    subject: { type: 'segment', id: segment.id },
    severity: 'warning',
    value: round(hit.speedKph, 1),
    threshold: round(threshold, 1),
    unit: 'km/h',
    at: forecast.issuedAtMs,
    message: congestionRaisedMessage(segment, hit.leadMin),
    forecastFor: hit.atMs,
    leadMin: hit.leadMin,
  }
  const open = new Map(state.open)
  open.set(key, {
    claim: { direction: 'fall', threshold, raisedAt: forecast.issuedAtMs, forecastFor: hit.atMs },
    toleranceMs: options.toleranceMs ?? CONGESTION_TOLERANCE_MS,
    releaseAt: options.releaseAboveKph,
    event,
  })
  return { state: { open, spent: state.spent }, events: [event] }
}

/**
 * Feeds one reading of a subject to its open forecast alerts: closes them as verified when the
 * forecast event happens, as missed when its window has passed (`cleared` events with `outcome`),
 * and releases spent keys once the subject is back on the safe side.
 */
export function applyReading(
  state: ForecastAlertState,
  subjectId: string,
  reading: { atMs: number; value: number },
): { state: ForecastAlertState; events: AlertEvent[] } {
  let open: Map<string, OpenForecastAlert> | undefined
  let spent: Map<string, { direction: 'rise' | 'fall'; releaseAt: number }> | undefined
  const events: AlertEvent[] = []
  for (const [key, s] of state.spent) {
    if (!isFor(key, subjectId)) continue
    const safe = s.direction === 'rise' ? reading.value < s.releaseAt : reading.value > s.releaseAt
    if (!safe) continue
    spent ??= new Map(state.spent)
    spent.delete(key)
  }
  for (const [key, a] of state.open) {
    if (!isFor(key, subjectId)) continue
    const verdict = judgeReading(a.claim, reading, a.toleranceMs)
    if (verdict === 'pending') continue
    open ??= new Map(state.open)
    open.delete(key)
    events.push({
      ...a.event,
      type: 'cleared',
      at: reading.atMs,
      value: reading.value,
      message: verdictMessage(a.event.message, verdict),
      outcome: verdict,
    })
    if (verdict === 'verified') {
      spent ??= new Map(state.spent)
      spent.set(key, { direction: a.claim.direction, releaseAt: a.releaseAt })
    }
  }
  return { state: { open: open ?? state.open, spent: spent ?? state.spent }, events }
}

function isFor(key: string, subjectId: string): boolean {
  const rest = key.slice(key.indexOf(':') + 1)
  return rest === subjectId || rest.startsWith(`${subjectId}:`)
}

function levelAt(forecast: WaterLevelForecast, atMs: number): number {
  const after = forecast.points.find((p) => p.atMs >= atMs)
  return after?.levelM ?? forecast.points.at(-1)?.levelM ?? 0
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
