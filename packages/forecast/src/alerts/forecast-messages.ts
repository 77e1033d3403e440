import { formatLocalHhMm, type LocalizedText, type RoadSegment } from '@ioc/domain'

export function waterRaisedMessage(
  stationName: string,
  level: string,
  atMs: number,
  leadMin: number,
): LocalizedText {
  const hhmm = formatLocalHhMm(atMs)
  const lead = Math.round(leadMin)
  return {
    vi: `${stationName} dự báo vượt báo động ${level} lúc ${hhmm} (còn ${lead} phút)`,
    en: `${stationName} is forecast to pass báo động ${level} at ${hhmm} (in ${lead} min)`,
  }
}

export function congestionRaisedMessage(segment: RoadSegment, leadMin: number): LocalizedText {
  const place = segment.name || segment.id
  const lead = Math.round(leadMin)
  return {
    vi: `${place} dự báo ùn tắc trong ${lead} phút`,
    en: `${place} is forecast to congest in ${lead} min`,
  }
}

export function verdictMessage(raised: LocalizedText, verdict: 'verified' | 'missed'): LocalizedText {
  return verdict === 'verified'
    ? { vi: `Dự báo đúng: ${raised.vi}`, en: `Forecast verified: ${raised.en}` }
    : { vi: `Dự báo không xảy ra: ${raised.vi}`, en: `Forecast missed: ${raised.en}` }
}
