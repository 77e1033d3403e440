import type {
  Alert,
  CapInfo,
  CapMessage,
  CapReference,
  CapStatus,
  LocalizedText,
  PublicWarning,
} from '@ioc/domain'
import { formatCapTime } from '../time/cap-time'
import type { WarningPlace } from './warning-place'
import { allClearWording, hazardWording, type WarningCodes, type WarningTexts } from './warning-texts'

/** Who sends the messages and how they are numbered; from the server's configuration. */
export interface WarningSource {
  /** CAP `sender`: globally unique, no spaces or commas (e.g. a domain name). */
  sender: string
  /** CAP `senderName`, per language. */
  senderName: LocalizedText
  /** Actual in service; Exercise for the demo. */
  status: CapStatus
}

/** A forecast warning is off this long after the forecast crossing is due. */
const FORECAST_EXPIRES_AFTER_MS = 3 * 3_600_000

const LANGUAGES = [
  { lang: 'vi', code: 'vi-VN' },
  { lang: 'en', code: 'en-US' },
] as const

/** The Vietnamese and the English info block of one message. */
export function bilingualInfo(
  codes: WarningCodes,
  texts: WarningTexts,
  area: CapInfo['area'],
  senderName: LocalizedText,
  times: Pick<CapInfo, 'onset' | 'expires'> = {},
): CapInfo[] {
  return LANGUAGES.map(({ lang, code }) => ({
    language: code,
    ...codes,
    ...times,
    event: texts.event[lang],
    senderName: senderName[lang],
    headline: texts.headline[lang],
    description: texts.description[lang],
    instruction: texts.instruction[lang],
    area,
  }))
}

/** The references of a message following `published`: every earlier published one, first one first. */
export function referencesTo(published: readonly PublicWarning[]): CapReference[] {
  return [...published]
    .filter((w) => w.state === 'published' && w.message.sent)
    .sort((a, b) => (a.publishedAt ?? 0) - (b.publishedAt ?? 0))
    .map((w) => ({ sender: w.message.sender, identifier: w.id, sent: w.message.sent as string }))
}

/**
 * A draft message about an alert, pending until published (`publishWarning`). `published` are the
 * alert's messages already public, which an Update references.
 */
export function draftWarning(
  alert: Alert,
  place: WarningPlace,
  draft: { phase: 'warning' | 'all-clear'; msgType: 'Alert' | 'Update'; identifier: string },
  published: readonly PublicWarning[],
  source: WarningSource,
  nowMs: number,
): PublicWarning {
  const { codes, texts } =
    draft.phase === 'warning' ? hazardWording(alert, place) : allClearWording(alert, place)
  const forecast = alert.kind === 'forecast-water-level' && alert.forecastFor !== undefined
  const times =
    forecast && draft.phase === 'warning'
      ? {
          onset: formatCapTime(alert.forecastFor as number),
          expires: formatCapTime((alert.forecastFor as number) + FORECAST_EXPIRES_AFTER_MS),
        }
      : {}
  const message: CapMessage = {
    identifier: draft.identifier,
    sender: source.sender,
    sent: null,
    status: source.status,
    msgType: draft.msgType,
    scope: 'Public',
    references: draft.msgType === 'Alert' ? [] : referencesTo(published),
    incidents: alert.id,
    info: bilingualInfo(codes, texts, [place.area], source.senderName, times),
  }
  return {
    id: draft.identifier,
    alertId: alert.id,
    kind: alert.kind,
    phase: draft.phase,
    alertSeverity: alert.severity,
    ...(alert.forecastFor !== undefined && { forecastFor: alert.forecastFor }),
    state: 'pending',
    createdAt: nowMs,
    publishedAt: null,
    decision: null,
    message,
  }
}
