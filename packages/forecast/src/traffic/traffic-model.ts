import { isLocalWeekend, localMinuteOfDay, type RoadSegment } from '@ioc/domain'
import { historyAsOf, type SeriesHistory } from '../history/series-history'

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const SLOT_MIN = 15
const SLOTS = 1440 / SLOT_MIN

/** A day of 15-minute slot medians, km/h (or a ratio to free flow for a class); NaN where unknown. */
type DayProfile = Float64Array

interface Profiles {
  weekday: DayProfile
  weekend: DayProfile
}

/** What the traffic forecast knows from history up to `asOfMs`; refit daily. */
export interface TrafficModel {
  asOfMs: number
  segments: Map<string, Profiles>
  /** Median speed / free-flow speed per road class, for slots a segment has no readings in. */
  classes: Map<string, Profiles>
  /** How much of the current anomaly is left after each lead (minutes → share, 0–1). */
  persistence: Map<number, number>
  /** Anomalies smaller than this are reading noise and are not carried forward (see shrinkAnomaly). */
  noiseAnomaly: number
}

export interface TrafficModelOptions {
  /** Days of history the profiles are the median of (default 21: three of each weekday). */
  profileDays?: number
  /** Days of history the anomaly persistence is fitted on (default 7). */
  persistenceDays?: number
  /** Leads to fit the persistence for, minutes (default 15, 30, 60). */
  leadsMin?: readonly number[]
  /**
   * E-folding time of an anomaly when history cannot say, minutes (default 30): incidents in HCMC are
   * cleared in 20–90 min, so half an hour keeps most of a fresh one at 15 min and little at 60.
   */
  fallbackTauMin?: number
}

/** Readings within this window before a time make its "current" speed: the last two 5-min readings. */
export const CURRENT_WINDOW_MS = 10 * MINUTE_MS

/**
 * The usual speed of each segment by weekday/weekend and 15-minute slot (the median of its readings,
 * falling back to its class's median share of free flow), and the persistence of departures from it:
 * φ(L) = Σ a(t)·a(t+L) / Σ a(t)², the least-squares share of the anomaly left after lead L,
 * pooled over all segments (an AR fit per lead, so noise that does not persist is not carried).
 */
export function fitTrafficModel(
  history: SeriesHistory,
  segments: readonly RoadSegment[],
  asOfMs: number,
  options: TrafficModelOptions = {},
): TrafficModel {
  const past = historyAsOf(history, asOfMs - 1)
  const fromMs = asOfMs - (options.profileDays ?? 21) * DAY_MS
  const profiles = new Map<string, Profiles>()
  const classSamples = new Map<string, { weekday: number[][]; weekend: number[][] }>()
  for (const s of segments) {
    const buckets = { weekday: emptyBuckets(), weekend: emptyBuckets() }
    for (const r of past.range(s.id, fromMs, asOfMs)) {
      const day = isLocalWeekend(r.atMs) ? buckets.weekend : buckets.weekday
      day[Math.floor(localMinuteOfDay(r.atMs) / SLOT_MIN)]?.push(r.value)
    }
    const own = { weekday: medians(buckets.weekday), weekend: medians(buckets.weekend) }
    profiles.set(s.id, own)
    const cls = classSamples.get(s.roadClass) ?? { weekday: emptyBuckets(), weekend: emptyBuckets() }
    classSamples.set(s.roadClass, cls)
    for (const kind of ['weekday', 'weekend'] as const) {
      own[kind].forEach((v, slot) => {
        if (!Number.isNaN(v)) cls[kind][slot]?.push(v / s.freeFlowKph)
      })
    }
  }
  const classes = new Map(
    [...classSamples].map(([c, b]) => [c, { weekday: medians(b.weekday), weekend: medians(b.weekend) }]),
  )
  const model: TrafficModel = { asOfMs, segments: profiles, classes, persistence: new Map(), noiseAnomaly: 0 }
  return { ...model, ...fitPersistence(past, segments, model, asOfMs, options) }
}

/** The usual speed of a segment at a time, km/h, linear between slot centres. */
export function profileKph(model: TrafficModel, segment: RoadSegment, atMs: number): number {
  const kind = isLocalWeekend(atMs) ? 'weekend' : 'weekday'
  const own = model.segments.get(segment.id)?.[kind]
  const cls = model.classes.get(segment.roadClass)?.[kind]
  const at = (slot: number) => {
    const i = (slot + SLOTS) % SLOTS
    const v = own?.[i] ?? Number.NaN
    if (!Number.isNaN(v)) return v
    const ratio = cls?.[i] ?? Number.NaN
    return Number.isNaN(ratio) ? segment.freeFlowKph : ratio * segment.freeFlowKph
  }
  const x = localMinuteOfDay(atMs) / SLOT_MIN - 0.5
  const slot = Math.floor(x)
  const f = x - slot
  return at(slot) * (1 - f) + at(slot + 1) * f
}

/**
 * The part of an anomaly beyond reading noise: |a| − noise, with a's sign, or 0. Most departures are
 * noise that does not persist; carrying them forward would cost more than the few incidents gain.
 */
export function shrinkAnomaly(anomaly: number, noise: number): number {
  return Math.sign(anomaly) * Math.max(0, Math.abs(anomaly) - noise)
}

/** Observed / usual − 1 over the readings in the current window before `atMs`; undefined without any. */
export function currentAnomaly(
  readings: readonly { atMs: number; value: number }[],
  usualKph: (atMs: number) => number,
): number | undefined {
  if (readings.length === 0) return undefined
  return readings.reduce((s, r) => s + r.value / usualKph(r.atMs) - 1, 0) / readings.length
}

function fitPersistence(
  past: SeriesHistory,
  segments: readonly RoadSegment[],
  model: TrafficModel,
  asOfMs: number,
  options: TrafficModelOptions,
): Pick<TrafficModel, 'persistence' | 'noiseAnomaly'> {
  const leads = options.leadsMin ?? [15, 30, 60]
  const tauMin = options.fallbackTauMin ?? 30
  const fromMs = asOfMs - (options.persistenceDays ?? 7) * DAY_MS
  // Pairs of (current anomaly, anomaly `lead` later) over the window, then the noise level from them.
  const pairs: { a: number; later: (number | undefined)[] }[] = []
  for (const s of segments) {
    const readings = past.range(s.id, fromMs, asOfMs)
    const rel = new Map(readings.map((r) => [r.atMs, r.value / profileKph(model, s, r.atMs) - 1]))
    for (let i = 0; i < readings.length; i++) {
      const t = (readings[i] as { atMs: number }).atMs
      let sum = 0
      let n = 0
      for (let j = i; j >= 0 && (readings[j] as { atMs: number }).atMs > t - CURRENT_WINDOW_MS; j--) {
        sum += rel.get((readings[j] as { atMs: number }).atMs) as number
        n++
      }
      pairs.push({ a: sum / n, later: leads.map((lead) => rel.get(t + lead * MINUTE_MS)) })
    }
  }
  // Three median absolute anomalies: ~2σ of Gaussian noise, well below an incident's 40–75 % drop.
  const noiseAnomaly = 3 * (medianOf(pairs.map((p) => Math.abs(p.a))) ?? 0)
  const sxy = leads.map(() => 0)
  const sxx = leads.map(() => 0)
  for (const p of pairs) {
    const a = shrinkAnomaly(p.a, noiseAnomaly)
    if (a === 0) continue
    p.later.forEach((target, k) => {
      if (target === undefined) return
      sxy[k] = (sxy[k] as number) + a * target
      sxx[k] = (sxx[k] as number) + a * a
    })
  }
  const persistence = new Map(
    leads.map((lead, k) => {
      const xx = sxx[k] as number
      const phi = xx > 0 ? (sxy[k] as number) / xx : Math.exp(-lead / tauMin)
      return [lead, Math.min(1, Math.max(0, phi))]
    }),
  )
  return { persistence, noiseAnomaly }
}

function medianOf(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined
  xs.sort((a, b) => a - b)
  const mid = xs.length >> 1
  return xs.length % 2 ? xs[mid] : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2
}

function emptyBuckets(): number[][] {
  return Array.from({ length: SLOTS }, () => [])
}

function medians(buckets: number[][]): DayProfile {
  const out = new Float64Array(SLOTS).fill(Number.NaN)
  buckets.forEach((b, i) => {
    if (b.length === 0) return
    b.sort((x, y) => x - y)
    const mid = b.length >> 1
    out[i] = b.length % 2 ? (b[mid] as number) : ((b[mid - 1] as number) + (b[mid] as number)) / 2
  })
  return out
}
