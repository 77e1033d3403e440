import {
  type AlarmSeverities,
  type Alert,
  alarmLevelOfSeverity,
  type CapCategory,
  type CapCertainty,
  type CapResponseType,
  type CapSeverity,
  type CapUrgency,
  FORECAST_ALARM_SEVERITY,
  type LocalizedText,
} from '@ioc/domain'
import { formatLocalTime } from '../time/cap-time'
import type { WarningPlace } from './warning-place'

/** The coded half of a warning's info block, the same in every language. */
export interface WarningCodes {
  category: CapCategory[]
  responseType: CapResponseType[]
  urgency: CapUrgency
  severity: CapSeverity
  certainty: CapCertainty
}

/** The texts of a warning's info block, one per language. */
export interface WarningTexts {
  event: LocalizedText
  headline: LocalizedText
  description: LocalizedText
  instruction: LocalizedText
}

/** CAP `event`: the kind of hazard, the same in a warning, its updates and its all-clear. */
const WARNING_EVENT: Partial<Record<Alert['kind'], LocalizedText>> = {
  'water-level': { vi: 'Mực nước cao', en: 'High water' },
  'street-flood': { vi: 'Ngập đường', en: 'Street flooding' },
  'forecast-water-level': { vi: 'Dự báo mực nước cao', en: 'High water forecast' },
}
const eventOf = (kind: Alert['kind']): LocalizedText => WARNING_EVENT[kind] ?? { vi: kind, en: kind }

type Level = 'II' | 'III'
/** The báo động level a gauge or forecast alert is published at: II or III (a warning starts at II). */
const publishedLevel = (severity: Alert['severity'], severities?: AlarmSeverities): Level =>
  alarmLevelOfSeverity(severity, severities) === 'III' ? 'III' : 'II'
// The depth levels' meaning for a street (packages/rules street-flood-alert.ts).
const DEPTH = {
  minor: { vi: 'đi được nhưng cần thận trọng', en: 'passable with care' },
  major: { vi: 'nguy hiểm cho xe máy', en: 'dangerous for motorbikes' },
  critical: { vi: 'không thể lưu thông', en: 'impassable' },
  warning: { vi: 'có nước', en: 'wet' },
} as const

const HIGH_WATER_INSTRUCTION: Record<Level, LocalizedText> = {
  II: {
    vi: 'Theo dõi các bản tin tiếp theo; hạn chế đi qua các tuyến đường trũng ven sông.',
    en: 'Follow the next bulletins; keep off low-lying riverside streets where you can.',
  },
  III: {
    vi: 'Tránh các tuyến đường trũng ven sông, không đi qua chỗ nước chảy xiết; đưa xe và tài sản lên chỗ cao.',
    en: 'Keep off low-lying riverside streets and do not cross flowing water; move vehicles and belongings to higher ground.',
  },
}

const STREET_INSTRUCTION = {
  minor: {
    vi: 'Đi chậm và cẩn thận qua đoạn ngập.',
    en: 'Drive slowly and with care through the flooded stretch.',
  },
  major: {
    vi: 'Xe máy không nên đi qua; chọn đường khác nếu có thể.',
    en: 'Motorbikes should not pass; take another road if you can.',
  },
  critical: {
    vi: 'Đường không thể lưu thông: chọn đường khác.',
    en: 'The street is impassable: take another road.',
  },
} as const

/** The codes and texts of a warning that the hazard stands, for the alert as it is now. */
export function hazardWording(
  alert: Alert,
  place: WarningPlace,
): { codes: WarningCodes; texts: WarningTexts } {
  const at = formatLocalTime(alert.updatedAt)
  switch (alert.kind) {
    case 'street-flood': {
      const severity = alert.severity === 'warning' ? 'minor' : alert.severity
      const depth = DEPTH[severity]
      return {
        codes: {
          category: ['Met', 'Transport'],
          responseType: severity === 'minor' ? ['Monitor'] : ['Avoid'],
          urgency: 'Immediate',
          severity: severity === 'critical' ? 'Severe' : severity === 'major' ? 'Moderate' : 'Minor',
          certainty: 'Observed',
        },
        texts: {
          event: eventOf(alert.kind),
          headline: { vi: `Ngập ${place.name}`, en: `Flooding at ${place.name}` },
          description: {
            vi: `${alert.message.vi}. Cảm biến đo lúc ${at}: ${depth.vi}.`,
            en: `${alert.message.en}. Measured by the street sensor at ${at}: ${depth.en}.`,
          },
          instruction: STREET_INSTRUCTION[severity],
        },
      }
    }
    case 'forecast-water-level': {
      const level = publishedLevel(alert.severity, FORECAST_ALARM_SEVERITY)
      const due = formatLocalTime(alert.forecastFor ?? alert.updatedAt)
      const soon = (alert.forecastFor ?? alert.updatedAt) - alert.updatedAt <= 3_600_000
      return {
        codes: {
          category: ['Met'],
          responseType: ['Prepare'],
          // CAP: Expected is "responsive action should be taken soon (within next hour)".
          urgency: soon ? 'Expected' : 'Future',
          severity: level === 'III' ? 'Severe' : 'Moderate',
          certainty: 'Likely',
        },
        texts: {
          event: eventOf(alert.kind),
          headline: {
            vi: `${place.station.name} dự báo vượt báo động ${level} lúc ${due}`,
            en: `${place.station.name} forecast above alarm level ${level} at ${due}`,
          },
          description: {
            vi: `${alert.message.vi}. Dự báo lập lúc ${at} cho ${place.name}.`,
            en: `${alert.message.en}. Forecast issued at ${at} for ${place.name}.`,
          },
          instruction: {
            vi: `Chuẩn bị trước ${due}: ${HIGH_WATER_INSTRUCTION[level].vi}`,
            en: `Prepare before ${due}: ${HIGH_WATER_INSTRUCTION[level].en}`,
          },
        },
      }
    }
    default: {
      const level = publishedLevel(alert.severity)
      return {
        codes: {
          category: ['Met'],
          responseType: level === 'III' ? ['Avoid', 'Prepare'] : ['Monitor'],
          urgency: 'Immediate',
          severity: level === 'III' ? 'Severe' : 'Moderate',
          certainty: 'Observed',
        },
        texts: {
          event: eventOf(alert.kind),
          headline: {
            vi: `${place.station.name} vượt báo động ${level}`,
            en: `${place.station.name} above alarm level ${level}`,
          },
          description: {
            vi: `${alert.message.vi}, đo lúc ${at}. Các đường trũng gần ${place.name} có thể ngập.`,
            en: `${alert.message.en}, measured at ${at}. Low streets near ${place.name} may flood.`,
          },
          instruction: HIGH_WATER_INSTRUCTION[level],
        },
      }
    }
  }
}

/** The codes and texts saying the hazard has passed (CAP responseType AllClear). */
export function allClearWording(
  alert: Alert,
  place: WarningPlace,
): { codes: WarningCodes; texts: WarningTexts } {
  const at = formatLocalTime(alert.clearedAt ?? alert.updatedAt)
  return {
    codes: {
      category: alert.kind === 'street-flood' ? ['Met', 'Transport'] : ['Met'],
      responseType: ['AllClear'],
      urgency: 'Past',
      severity: 'Minor',
      certainty: 'Observed',
    },
    texts: {
      event: eventOf(alert.kind),
      headline: { vi: `Hết cảnh báo: ${place.name}`, en: `All clear: ${place.name}` },
      description: {
        vi: `${alert.message.vi} (lúc ${at}).`,
        en: `${alert.message.en} (at ${at}).`,
      },
      instruction: {
        vi: 'Không còn nguy hiểm; cẩn thận ở những chỗ còn đọng nước và bùn.',
        en: 'The danger has passed; take care where water and mud remain.',
      },
    },
  }
}
