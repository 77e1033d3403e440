import { type Alert, type AlertKind, type AlertState, alertState, type Severity } from '@ioc/domain'

/** The queue holds open alerts, so its state filter offers the four open states. */
export type OpenState = Exclude<AlertState, 'resolved'>
export const OPEN_STATES: readonly OpenState[] = [
  'active-unack',
  'active-ack',
  'cleared-unack',
  'cleared-ack',
]

export interface QueueFilter {
  state: OpenState | 'any'
  severity: Severity | 'any'
  kind: AlertKind | 'any'
  /** Matched against the subject's name and district, ignoring case and Vietnamese diacritics. */
  text: string
}

export const NO_FILTER: QueueFilter = { state: 'any', severity: 'any', kind: 'any', text: '' }

/** "Huỳnh Tấn Phát" → "huynh tan phat": a desk keyboard without a Vietnamese IME still finds it. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim()
}

export function filterQueue(
  alerts: readonly Alert[],
  filter: QueueFilter,
  subjectText: (a: Alert) => string,
): Alert[] {
  const text = foldText(filter.text)
  return alerts.filter(
    (a) =>
      (filter.state === 'any' || alertState(a) === filter.state) &&
      (filter.severity === 'any' || a.severity === filter.severity) &&
      (filter.kind === 'any' || a.kind === filter.kind) &&
      (text === '' || foldText(subjectText(a)).includes(text)),
  )
}
