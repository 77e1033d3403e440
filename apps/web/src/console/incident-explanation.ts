import {
  alarmLevelOfSeverity,
  type IncidentMember,
  type OperationalIncident,
  SEVERITY_RANK,
} from '@ioc/domain'
import type { TFunction } from 'i18next'
import { TIME_ZONE } from '../i18n/format'
import type { Lang } from '../i18n/i18n'

const PARTS = [
  [5, 'night'],
  [11, 'morning'],
  [13, 'midday'],
  [17, 'afternoon'],
  [21, 'evening'],
  [24, 'lateEvening'],
] as const

/** The part of the HCMC day an epoch ms falls in: the 6 Nov "evening" tide. */
export function partOfDay(ms: number): (typeof PARTS)[number][1] {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(ms),
  )
  return (PARTS.find(([end]) => hour < end) ?? PARTS[5])[1]
}

function dayMonth(ms: number, lang: Lang): string {
  return lang === 'vi'
    ? new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: 'numeric', month: 'numeric' }).format(ms)
    : new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'short' }).format(ms)
}

function time(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms)
}

/** Distinct names, in first-seen order, joined for a sentence. */
function names(members: readonly IncidentMember[]): string[] {
  return [...new Set(members.map((m) => m.name).filter(Boolean))]
}

/**
 * Why an incident's alerts are one, in words: "5 street floods in Quận 7 within 2.7 km during the
 * 6 Nov evening tide, driven by Phú An báo động III".
 */
export function explainIncident(incident: OperationalIncident, t: TFunction, lang: Lang): string {
  const { grouping: g, members } = incident
  const part = t(`opsIncidents.part.${partOfDay(incident.openedAt)}`)
  const date = dayMonth(incident.openedAt, lang)
  const episode = (cause: string | null) =>
    cause
      ? t('opsIncidents.episode.withCause', { date, part, cause: t(`opsIncidents.cause.${cause}`) })
      : t('opsIncidents.episode.plain', { date, part })
  const where = g.district ? t('opsIncidents.where', { district: g.district }) : ''
  const since = time(incident.openedAt)
  const count = (kind: IncidentMember['kind']) => members.filter((m) => m.kind === kind).length
  const km = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(
    Math.max(0.1, Math.ceil(g.spanM / 100) / 10),
  )

  switch (g.rule) {
    case 'street-flood': {
      const floods = count('street-flood')
      let text = t(
        g.spanM > 0 ? 'opsIncidents.explain.streetFloodWithin' : 'opsIncidents.explain.streetFlood',
        {
          count: floods,
          district: g.district ?? names(members).join(', '),
          km,
          episode: episode(g.cause),
        },
      )
      const driverLevel = g.driver && alarmLevelOfSeverity(g.driver.severity)
      if (g.driver && driverLevel)
        text += t('opsIncidents.explain.drivenBy', { station: g.driver.stationName, level: driverLevel })
      const roads = count('congestion')
      if (roads) text += t('opsIncidents.explain.withRoads', { count: roads })
      return text
    }
    case 'gauge': {
      const levels = members.filter((m) => m.kind === 'water-level')
      const top = [...levels].sort((a, b) => SEVERITY_RANK[b.peakSeverity] - SEVERITY_RANK[a.peakSeverity])[0]
      const stations = names(members)
      if (!top)
        return t('opsIncidents.explain.gaugeRise', { names: stations.join(', '), episode: episode('tide') })
      // Not a plural form: Vietnamese has one form for every count, and one gauge reads differently.
      return t(
        names(levels).length === 1 ? 'opsIncidents.explain.gaugeOne' : 'opsIncidents.explain.gaugeMany',
        {
          count: names(levels).length,
          names: names(levels).join(', '),
          top: top.name,
          level: alarmLevelOfSeverity(top.peakSeverity) ?? 'I',
          episode: episode('tide'),
        },
      )
    }
    case 'congestion':
      return t(
        members.length === 1 ? 'opsIncidents.explain.congestionOne' : 'opsIncidents.explain.congestionMany',
        {
          count: members.length,
          corridor: g.corridor ?? t('opsIncidents.unnamedRoad'),
          where,
          since,
        },
      )
    case 'sensor-silent':
      return t('opsIncidents.explain.sensorSilent', { count: members.length, where, since })
    case 'single': {
      const m = members[0]
      return t('opsIncidents.explain.single', {
        kind: t(`alertKind.${m?.kind ?? 'water-level'}`),
        name: m?.name ?? '',
        since,
      })
    }
  }
}
