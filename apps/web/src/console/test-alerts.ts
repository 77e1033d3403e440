import { Alert, type NewAlertFields, newAlert } from '@ioc/domain'

/** The evening of the king tide, 6 Nov 2025 (tests/alerts/king-tide-alerts.test.ts), in HCMC time. */
export const at = (hhmm: string) => Date.parse(`2025-11-06T${hhmm}:00+07:00`)

/** Alerts as the server sends them, parsed through the domain schema; for tests only. */
const alert = (fields: NewAlertFields): Alert => Alert.parse(newAlert(fields))

export const phuAnCritical = (over: Partial<Alert> = {}) =>
  alert({
    id: 'al-phu-an-2',
    key: 'water-level:phu-an',
    kind: 'water-level',
    subject: { type: 'station', id: 'phu-an' },
    severity: 'critical',
    value: 1.62,
    threshold: 1.6,
    unit: 'm',
    message: {
      vi: 'Phú An vượt báo động III: 1,62 m (ngưỡng 1,60 m)',
      en: 'Phú An above alarm level III: 1.62 m (threshold 1.60 m)',
    },
    raisedAt: at('16:35'),
    updatedAt: at('17:05'),
    ...over,
  })

export const nhaBeCritical = (over: Partial<Alert> = {}) =>
  alert({
    id: 'al-nha-be-2',
    key: 'water-level:nha-be',
    kind: 'water-level',
    subject: { type: 'station', id: 'nha-be' },
    severity: 'critical',
    value: 1.66,
    threshold: 1.6,
    unit: 'm',
    message: {
      vi: 'Nhà Bè vượt báo động III: 1,66 m (ngưỡng 1,60 m)',
      en: 'Nhà Bè above alarm level III: 1.66 m (threshold 1.60 m)',
    },
    raisedAt: at('16:05'),
    updatedAt: at('16:35'),
    ...over,
  })

export const huynhTanPhatFlood = (over: Partial<Alert> = {}) =>
  alert({
    id: 'al-fs-026-2',
    key: 'street-flood:fs-026',
    kind: 'street-flood',
    subject: { type: 'station', id: 'fs-026' },
    severity: 'major',
    value: 34,
    threshold: 30,
    unit: 'cm',
    message: {
      vi: 'Huỳnh Tấn Phát ngập 34 cm, nguy hiểm cho xe máy (ngưỡng 30 cm)',
      en: 'Huỳnh Tấn Phát flooded 34 cm, dangerous for motorbikes (threshold 30 cm)',
    },
    raisedAt: at('17:05'),
    updatedAt: at('17:30'),
    ...over,
  })

export const huynhTanPhatCongestion = (over: Partial<Alert> = {}) =>
  alert({
    id: 'al-cong-2304475223',
    key: 'congestion:seg-2304475223-2370220877',
    kind: 'congestion',
    subject: { type: 'segment', id: 'seg-2304475223-2370220877' },
    severity: 'warning',
    value: 11,
    threshold: 14,
    unit: 'km/h',
    message: {
      vi: 'Huỳnh Tấn Phát (Quận 7) ùn tắc: 11 km/h, dưới 40% tốc độ thông thoáng 35 km/h suốt 10 phút (ngưỡng 14 km/h)',
      en: 'Huỳnh Tấn Phát (Quận 7) congested: 11 km/h, below 40% of free-flow 35 km/h for 10 min (threshold 14 km/h)',
    },
    raisedAt: at('17:20'),
    ...over,
  })

/** The four in the order a duty officer should handle them. */
export const eveningQueue = () => [
  nhaBeCritical(),
  phuAnCritical(),
  huynhTanPhatFlood(),
  huynhTanPhatCongestion(),
]
