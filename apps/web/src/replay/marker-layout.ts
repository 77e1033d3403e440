import { type Alert, HCMC_OFFSET_MS, type Incident } from '@ioc/domain'

export interface TimeRange {
  /** Epoch ms, inclusive. */
  from: number
  /** Epoch ms, exclusive. */
  to: number
}

/** Where `t` falls along the timeline, 0 at `from` … 1 at `to`, clamped. */
export function fractionAt(t: number, r: TimeRange): number {
  return r.to > r.from ? Math.min(1, Math.max(0, (t - r.from) / (r.to - r.from))) : 0
}

/** The time at a point of the timeline, rounded to the second: what a click or drag seeks to. */
export function timeAtFraction(fraction: number, r: TimeRange): number {
  const x = Math.min(1, Math.max(0, fraction))
  return Math.min(r.to - 1, Math.round((r.from + x * (r.to - r.from)) / 1000) * 1000)
}

export type MarkerSource = 'recorded' | 'replayed'

export interface AlertMarkerLayout {
  alert: Alert
  source: MarkerSource
  /** 0…1 along the track, at the alert's raise (an alert raised before the range sits at its start). */
  x: number
  /** Row within its lane, 0 nearest the track: markers closer than the minimum gap stack up. */
  row: number
}

/**
 * Places each alert at its raise time, recorded ones in one lane and replayed in the other. Within a
 * lane markers closer than `minGap` (a fraction of the track) go to the next row, up to `maxRows`; past
 * that they overlap on the last row rather than grow the timeline without bound.
 */
export function layoutAlertMarkers(
  alerts: readonly { alert: Alert; source: MarkerSource }[],
  range: TimeRange,
  minGap: number,
  maxRows = 3,
): AlertMarkerLayout[] {
  const placed: AlertMarkerLayout[] = []
  for (const source of ['recorded', 'replayed'] as const) {
    const lane = alerts
      .filter((a) => a.source === source && a.alert.raisedAt < range.to)
      .map((a) => ({ ...a, x: fractionAt(a.alert.raisedAt, range) }))
      .sort((a, b) => a.x - b.x || a.alert.id.localeCompare(b.alert.id))
    const rowEnds: number[] = []
    for (const m of lane) {
      let row = rowEnds.findIndex((end) => m.x - end >= minGap)
      if (row === -1) row = rowEnds.length < maxRows ? rowEnds.length : maxRows - 1
      rowEnds[row] = m.x
      placed.push({ alert: m.alert, source, x: m.x, row })
    }
  }
  return placed
}

export interface BookmarkLayout {
  incident: Incident
  /** 0…1 start and end of the incident's range within the timeline, clipped. */
  start: number
  end: number
}

/** The incidents whose range overlaps the timeline, clipped to it, earliest first. */
export function layoutBookmarks(incidents: readonly Incident[], range: TimeRange): BookmarkLayout[] {
  return incidents
    .filter((i) => i.from < range.to && i.to > range.from)
    .sort((a, b) => a.from - b.from)
    .map((incident) => ({
      incident,
      start: fractionAt(incident.from, range),
      end: fractionAt(incident.to, range),
    }))
}

const MINUTE_MS = 60_000
const TICK_STEPS_MS = [5, 15, 30, 60, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MINUTE_MS)

/**
 * Tick times for the timeline's axis: the finest round step (5 min … 1 week) giving at most `maxTicks`,
 * on round HCMC times (every 3 h falls on 00:00, 03:00, … local, not UTC).
 */
export function timeTicks(range: TimeRange, maxTicks: number): number[] {
  const span = range.to - range.from
  const step = TICK_STEPS_MS.find((s) => span / s <= maxTicks) ?? (TICK_STEPS_MS.at(-1) as number)
  const first = Math.ceil((range.from + HCMC_OFFSET_MS) / step) * step - HCMC_OFFSET_MS
  const ticks: number[] = []
  for (let t = first; t < range.to; t += step) ticks.push(t)
  return ticks
}
