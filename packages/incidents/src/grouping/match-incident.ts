import type { GroupingRule, IncidentMember, OperationalIncident } from '@ioc/domain'
import type { GroupingConfig } from '../config/grouping-config'
import { distanceM, type Place, type Places } from '../places/index-places'

/** The rule that groups alerts of a kind, or `single` when none is enabled for it. */
export function ruleOf(kind: IncidentMember['kind'], config: GroupingConfig): GroupingRule {
  switch (kind) {
    case 'street-flood':
      return config.streetFlood.enabled ? 'street-flood' : 'single'
    case 'water-level':
    case 'rate-of-rise':
      return config.gauge.enabled ? 'gauge' : 'single'
    case 'congestion':
      return config.congestion.enabled ? 'congestion' : 'single'
    case 'sensor-silent':
      return config.sensorSilent.enabled ? 'sensor-silent' : 'single'
    default:
      return 'single'
  }
}

/** Seconds after an incident went quiet during which it still takes new alerts, by rule. */
export function episodeGapS(rule: GroupingRule, config: GroupingConfig): number {
  switch (rule) {
    case 'street-flood':
      return config.streetFlood.episodeGapS
    case 'gauge':
      return config.gauge.episodeGapS
    case 'congestion':
      return config.congestion.episodeGapS
    case 'sensor-silent':
      return config.sensorSilent.episodeGapS
    case 'single':
      return 0
  }
}

function inEpisode(incident: OperationalIncident, atMs: number, gapS: number): boolean {
  return incident.quietSince === null || atMs - incident.quietSince <= gapS * 1000
}

function near(a: IncidentMember, b: IncidentMember, withinM: number): boolean {
  return a.location !== null && b.location !== null && distanceM(a.location, b.location) <= withinM
}

/** The street a segment belongs to for grouping: its name, or its road class when it has none. */
function streetKey(place: Place | null): string {
  return place?.name || `class:${place?.roadClass ?? ''}`
}

function connected(a: Place | null, b: Place | null, joinM: number): boolean {
  if (!a?.ends || !b?.ends) return false
  return a.ends.some((p) => b.ends?.some((q) => distanceM(p, q) <= joinM))
}

/**
 * The open incident a new alert joins, or null when it opens its own. Candidates are tried oldest
 * first, so the same alerts in the same order always group the same way.
 */
export function matchIncident(
  open: readonly OperationalIncident[],
  member: IncidentMember,
  places: Places,
  config: GroupingConfig,
): OperationalIncident | null {
  const rule = ruleOf(member.kind, config)
  if (rule === 'single') return null
  const candidates = [...open]
    .filter((i) => i.status === 'open')
    .sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id))
  const live = (i: OperationalIncident) => inEpisode(i, member.raisedAt, episodeGapS(i.grouping.rule, config))
  const ofKind = (i: OperationalIncident, kind: IncidentMember['kind']) =>
    i.members.filter((m) => m.kind === kind)

  switch (rule) {
    case 'street-flood': {
      const c = config.streetFlood
      return (
        candidates.find((i) => {
          if (i.grouping.rule !== 'street-flood' || !live(i)) return false
          const floods = ofKind(i, 'street-flood')
          if (c.sameDistrict && floods[0]?.district !== member.district) return false
          return c.withinM === null || floods.some((m) => near(m, member, c.withinM as number))
        }) ?? null
      )
    }
    case 'gauge':
      return (
        candidates.find(
          (i) =>
            i.grouping.rule === 'gauge' &&
            live(i) &&
            i.members.some((m) => near(m, member, config.gauge.withinM)),
        ) ?? null
      )
    case 'congestion': {
      const c = config.congestion
      const here = places.of(member.subject)
      if (c.withFloods) {
        const points = new Set(places.floodPointsOfSegment(member.subject.id).map((p) => p.id))
        const flood = candidates.find(
          (i) =>
            i.grouping.rule === 'street-flood' &&
            live(i) &&
            ofKind(i, 'street-flood').some((m) => {
              const id = places.of(m.subject)?.floodPoint?.id
              return id !== undefined && points.has(id)
            }),
        )
        if (flood) return flood
      }
      return (
        candidates.find((i) => {
          if (i.grouping.rule !== 'congestion' || !live(i)) return false
          return i.members.some((m) => {
            const there = places.of(m.subject)
            return (!c.sameStreet || streetKey(there) === streetKey(here)) && connected(there, here, c.joinM)
          })
        }) ?? null
      )
    }
    case 'sensor-silent':
      return (
        candidates.find(
          (i) =>
            i.grouping.rule === 'sensor-silent' &&
            live(i) &&
            (!config.sensorSilent.sameDistrict || i.members[0]?.district === member.district),
        ) ?? null
      )
  }
}
