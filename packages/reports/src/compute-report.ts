import {
  ALARM_LEVELS,
  type Alert,
  alarmLevelReached,
  type CitizenReport,
  type DurationStats,
  type ForecastSkillRow,
  type GaugeStation,
  type Network,
  type OperationalIncident,
  type OperationsReport,
  type ReportSection,
} from '@ioc/domain'
import { findPassages } from '@ioc/forecast'
import { citizenStats } from './citizen-stats'
import { incidentDistrict, incidentStats } from './incident-stats'

const HOUR_MS = 3_600_000

export interface ReportInput {
  fromMs: number
  toMs: number
  /** The report is made now: an alert still active counts up to now, never into the rest of the period. */
  nowMs: number
  ackTargetMs: number
  /** Every alert raised before `toMs` that may overlap the period (raised in it, or active into it). */
  alerts: readonly Alert[]
  /** Each gauge's readings in the period, time order. */
  gaugeReadings: ReadonlyMap<string, readonly { atMs: number; value: number }[]>
  network: Pick<Network, 'segments' | 'stations'>
  /** Metres below a passed level a gauge must fall before it is passed again: the rules' `waterReleaseMarginM`. */
  releaseMarginM: (stationId: string) => number
  /** Citizen reports sent in the period, each in its district. */
  citizenReports: readonly CitizenReport[]
  /** Operational incidents opened in the period. */
  incidents: readonly OperationalIncident[]
}

/**
 * The operations figures of a period, city-wide and per district (of the alert's subject). Counts and
 * response times are over the alerts raised in [from, to); congestion and flood hours are the alerts'
 * active intervals clipped to the period; percentiles interpolate linearly between ranks (numpy's default).
 */
export function computeReport(input: ReportInput): OperationsReport {
  const { fromMs, toMs, network } = input
  const districtOf = new Map<string, string>()
  const nameOf = new Map<string, string>()
  for (const s of network.segments) {
    districtOf.set(`segment:${s.id}`, s.district)
    nameOf.set(`segment:${s.id}`, s.name || s.id)
  }
  for (const s of network.stations) {
    districtOf.set(`station:${s.id}`, s.district)
    nameOf.set(`station:${s.id}`, s.name)
  }
  const subjectKey = (a: Alert) => `${a.subject.type}:${a.subject.id}`
  const gauges = network.stations.filter((s): s is GaugeStation => s.kind !== 'street-flood-sensor')
  const districts = [
    ...new Set([
      ...input.alerts.map((a) => districtOf.get(subjectKey(a))),
      ...gauges.map((g) => g.district),
      ...input.citizenReports.map((r) => r.district),
      ...input.incidents.map(incidentDistrict),
    ]),
  ]
    .filter((d): d is string => d !== undefined)
    .sort((a, b) => a.localeCompare(b, 'vi'))

  const section = (district: string | null): ReportSection => {
    const inDistrict = (key: string) => district === null || districtOf.get(key) === district
    const alerts = input.alerts.filter((a) => inDistrict(subjectKey(a)))
    const raised = alerts.filter((a) => a.raisedAt >= fromMs && a.raisedAt < toMs)
    const ackS = raised.flatMap((a) => (a.ack ? [(a.ack.at - a.raisedAt) / 1000] : []))
    const inTime = raised.filter((a) => a.ack && a.ack.at - a.raisedAt <= input.ackTargetMs).length
    const resolveS = raised.flatMap((a) => (a.resolution ? [(a.resolution.at - a.raisedAt) / 1000] : []))
    const sectionGauges = gauges.filter((g) => inDistrict(`station:${g.id}`))
    return {
      district,
      alertCounts: countByKindAndSeverity(raised),
      ack: { ...durationStats(ackS), withinTargetShare: raised.length ? inTime / raised.length : null },
      resolve: durationStats(resolveS),
      congestion: activeHours(alerts, 'congestion', fromMs, Math.min(toMs, input.nowMs)).map(
        ([id, hours]) => ({
          segmentId: id,
          name: nameOf.get(`segment:${id}`) ?? id,
          hours,
        }),
      ),
      floods: activeHours(alerts, 'street-flood', fromMs, Math.min(toMs, input.nowMs)).map(([id, hours]) => ({
        stationId: id,
        name: nameOf.get(`station:${id}`) ?? id,
        hours,
      })),
      gauges: sectionGauges.map((g) => gaugeMax(g, input.gaugeReadings.get(g.id) ?? [])),
      forecastSkill: forecastSkill(alerts, sectionGauges, input),
      citizenReports: citizenStats(
        input.citizenReports.filter((r) => district === null || r.district === district),
      ),
      incidents: incidentStats(
        input.incidents.filter((i) => district === null || incidentDistrict(i) === district),
      ),
    }
  }
  return {
    from: fromMs,
    to: toMs,
    ackTargetS: input.ackTargetMs / 1000,
    sections: [section(null), ...districts.map(section)],
  }
}

function countByKindAndSeverity(alerts: readonly Alert[]): ReportSection['alertCounts'] {
  const counts = new Map<string, ReportSection['alertCounts'][number]>()
  for (const a of alerts) {
    const key = `${a.kind}|${a.severity}`
    const c = counts.get(key) ?? { kind: a.kind, severity: a.severity, count: 0 }
    c.count++
    counts.set(key, c)
  }
  return [...counts.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.severity.localeCompare(b.severity),
  )
}

export function durationStats(seconds: readonly number[]): DurationStats {
  return { n: seconds.length, medianS: quantile(seconds, 0.5), p90S: quantile(seconds, 0.9) }
}

/** The q-quantile with linear interpolation between closest ranks; null for no values. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const h = (sorted.length - 1) * q
  const lo = Math.floor(h)
  const a = sorted[lo] as number
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number
  return a + (b - a) * (h - lo)
}

/** Hours per subject its alerts of `kind` were active within [from, to), overlaps counted once; most first. */
function activeHours(
  alerts: readonly Alert[],
  kind: Alert['kind'],
  fromMs: number,
  toMs: number,
): [string, number][] {
  const intervals = new Map<string, [number, number][]>()
  for (const a of alerts) {
    if (a.kind !== kind) continue
    const start = Math.max(a.raisedAt, fromMs)
    const end = Math.min(a.clearedAt ?? toMs, toMs)
    if (end <= start) continue
    const list = intervals.get(a.subject.id) ?? []
    list.push([start, end])
    intervals.set(a.subject.id, list)
  }
  const out: [string, number][] = []
  for (const [id, list] of intervals) {
    list.sort((x, y) => x[0] - y[0])
    let totalMs = 0
    let [curStart, curEnd] = list[0] as [number, number]
    for (const [s, e] of list.slice(1)) {
      if (s > curEnd) {
        totalMs += curEnd - curStart
        ;[curStart, curEnd] = [s, e]
      } else curEnd = Math.max(curEnd, e)
    }
    totalMs += curEnd - curStart
    out.push([id, Math.round((totalMs / HOUR_MS) * 100) / 100])
  }
  return out.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}

function gaugeMax(
  g: GaugeStation,
  readings: readonly { atMs: number; value: number }[],
): ReportSection['gauges'][number] {
  let max: { atMs: number; value: number } | undefined
  for (const r of readings) if (!max || r.value > max.value) max = r
  const reached = max ? alarmLevelReached(max.value, g.alarmLevelsM) : null
  return {
    stationId: g.id,
    name: g.name,
    maxM: max?.value ?? null,
    maxAt: max?.atMs ?? null,
    alarmLevelsM: g.alarmLevelsM,
    reached,
  }
}

/**
 * Forecast skill from the stored outcomes: verified and missed forecast alerts closed in the period,
 * and the real events they were for: báo động passages in the gauges' readings (water) and congestion
 * alerts raised (traffic). An event is detected when a forecast alert of its key was raised before it
 * and not closed before it.
 */
function forecastSkill(
  alerts: readonly Alert[],
  gauges: readonly GaugeStation[],
  input: ReportInput,
): ForecastSkillRow[] {
  const { fromMs, toMs } = input
  const waterEvents = gauges.flatMap((g) =>
    ALARM_LEVELS.flatMap((level) => {
      const threshold = g.alarmLevelsM[level]
      if (threshold === null) return []
      const readings = input.gaugeReadings.get(g.id) ?? []
      return findPassages(
        `forecast-water-level:${g.id}:${level}`,
        readings,
        'rise',
        threshold,
        threshold - input.releaseMarginM(g.id),
      )
    }),
  )
  const congestionEvents = alerts
    .filter((a) => a.kind === 'congestion' && a.raisedAt >= fromMs && a.raisedAt < toMs)
    .map((a) => ({ key: `forecast-congestion:${a.subject.id}`, atMs: a.raisedAt }))
  return (
    [
      ['forecast-water-level', waterEvents],
      ['forecast-congestion', congestionEvents],
    ] as const
  ).map(([kind, events]) => {
    const forecasts = alerts.filter((a) => a.kind === kind)
    const closed = forecasts.filter(
      (a) => a.outcome && (a.clearedAt ?? 0) >= fromMs && (a.clearedAt ?? 0) < toMs,
    )
    const verified = closed.filter((a) => a.outcome === 'verified').length
    const missed = closed.length - verified
    const detected = events.filter((e) =>
      forecasts.some(
        (a) => a.key === e.key && a.raisedAt < e.atMs && (a.clearedAt ?? Number.POSITIVE_INFINITY) >= e.atMs,
      ),
    ).length
    return {
      kind,
      verified,
      missed,
      far: closed.length ? missed / closed.length : null,
      events: events.length,
      detected,
      pod: events.length ? detected / events.length : null,
    }
  })
}
