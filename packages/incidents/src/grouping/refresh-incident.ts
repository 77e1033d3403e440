import {
  type IncidentDriver,
  type IncidentMember,
  type OperationalIncident,
  SEVERITY_RANK,
  type Severity,
} from '@ioc/domain'
import type { GroupingConfig } from '../config/grouping-config'
import type { ProceduresConfig } from '../config/procedures-config'
import { distanceM, type Places } from '../places/index-places'
import { buildChecklist } from '../procedures/build-checklist'

export interface GroupingContext {
  places: Places
  grouping: GroupingConfig
  procedures: ProceduresConfig
}

export function maxSeverity(severities: readonly Severity[]): Severity {
  return severities.reduce<Severity>((a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a), 'warning')
}

/** The one value every member shares, or null. */
function shared(values: readonly string[]): string | null {
  return values.length > 0 && values.every((v) => v === values[0]) ? (values[0] as string) : null
}

/** The value most members have (the first of equals), or null when none has one. */
function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: string | null = null
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v
  return best
}

function spanOf(members: readonly IncidentMember[]): number {
  let span = 0
  for (const [i, a] of members.entries())
    for (const b of members.slice(i + 1))
      if (a.location && b.location) span = Math.max(span, distanceM(a.location, b.location))
  return Math.round(span)
}

function causeOf(
  members: readonly IncidentMember[],
  places: Places,
): OperationalIncident['grouping']['cause'] {
  const causes = new Set(
    members.flatMap((m) => {
      const c = places.of(m.subject)?.floodPoint?.cause
      return c ? c.split('+') : []
    }),
  )
  if (causes.size === 0) return null
  return causes.size === 2 ? 'rain+tide' : (([...causes][0] as 'rain' | 'tide') ?? null)
}

/**
 * The gauge báo động driving tide-fed street floods: of the unresolved water-level alerts within
 * `driverWithinM` of one of the floods, the most severe, then the nearest.
 */
function driverOf(
  floods: readonly IncidentMember[],
  open: readonly OperationalIncident[],
  config: GroupingConfig,
): IncidentDriver | null {
  let best: { driver: IncidentDriver; rank: number; distM: number } | null = null
  for (const i of open) {
    if (i.grouping.rule !== 'gauge') continue
    for (const g of i.members) {
      if (g.kind !== 'water-level' || g.resolved || g.location === null) continue
      const gauge = g.location
      const distM = Math.min(...floods.map((f) => (f.location ? distanceM(f.location, gauge) : Infinity)))
      if (distM > config.streetFlood.driverWithinM) continue
      const rank = SEVERITY_RANK[g.peakSeverity]
      if (!best || rank > best.rank || (rank === best.rank && distM < best.distM))
        best = {
          driver: {
            alertId: g.alertId,
            stationId: g.subject.id,
            stationName: g.name,
            severity: g.peakSeverity,
          },
          rank,
          distM,
        }
    }
  }
  return best?.driver ?? null
}

/**
 * Recomputes what follows from an incident's members: severity, status, when it went quiet, the
 * grouping's shared district, street, cause and driving gauge, and its checklist. `atMs` is the time of
 * the change; `open` the other open incidents, where the driving gauge is looked for.
 */
export function refreshIncident(
  incident: OperationalIncident,
  open: readonly OperationalIncident[],
  ctx: GroupingContext,
  atMs: number,
): OperationalIncident {
  const { members } = incident
  const unresolved = members.filter((m) => !m.resolved)
  const floods = members.filter((m) => m.kind === 'street-flood')
  const rule = incident.grouping.rule
  const cause = rule === 'street-flood' ? causeOf(floods, ctx.places) : null
  const driver =
    rule === 'street-flood' && cause !== 'rain'
      ? (driverOf(floods, open, ctx.grouping) ?? incident.grouping.driver)
      : null
  const corridorMembers = members.filter((m) => m.kind === 'congestion')
  return {
    ...incident,
    status: unresolved.length === 0 ? 'resolved' : 'open',
    severity: maxSeverity((unresolved.length ? unresolved : members).map((m) => m.severity)),
    quietSince: members.some((m) => m.active && !m.resolved) ? null : (incident.quietSince ?? atMs),
    grouping: {
      ...incident.grouping,
      district: shared((floods.length ? floods : members).map((m) => m.district)),
      corridor: rule === 'congestion' ? mostCommon(corridorMembers.map((m) => m.name).filter(Boolean)) : null,
      withinM:
        rule === 'street-flood'
          ? ctx.grouping.streetFlood.withinM
          : rule === 'gauge'
            ? ctx.grouping.gauge.withinM
            : rule === 'congestion'
              ? ctx.grouping.congestion.joinM
              : null,
      spanM: spanOf(rule === 'street-flood' ? floods : rule === 'congestion' ? corridorMembers : members),
      cause,
      driver,
    },
    checklist: buildChecklist(members, incident.checklist, ctx.procedures),
  }
}
