import { HCMC_TIME_ZONE } from '@ioc/domain'
import type { Lang } from './i18n'

/** Every time on screen is HCMC time, whatever the zone of the machine driving the wall. */
export const TIME_ZONE = HCMC_TIME_ZONE

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' }

export interface Formatters {
  number(n: number, fractionDigits?: number): string
  km(n: number): string
  kph(n: number): string
  metres(n: number): string
  centimetres(n: number): string
  /** 17:42:05 */
  clock(ms: number): string
  /** 30/10/2025 */
  date(ms: number): string
  /** 17:42 */
  time(ms: number): string
  /** "45 giây trước", "3 minutes ago" */
  ago(ms: number, now: number): string
  /** A span in the two largest whole units: "12 phút", "2 giờ 5 phút", "3 days 4 hours". */
  duration(ms: number): string
}

export function createFormatters(lang: Lang): Formatters {
  const locale = LOCALES[lang]
  const unit = (u: string, digits: number) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: u,
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    })
  const km = unit('kilometer', 1)
  const kph = unit('kilometer-per-hour', 0)
  const m = unit('meter', 2)
  const cm = unit('centimeter', 0)
  const clock = new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  })
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' })
  const span = (u: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' })
  const minutes = span('minute')
  const hours = span('hour')
  const days = span('day')
  return {
    number: (n, digits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
        n,
      ),
    km: (n) => km.format(n),
    kph: (n) => kph.format(n),
    metres: (n) => m.format(n),
    centimetres: (n) => cm.format(n),
    clock: (ms) => clock.format(ms),
    date: (ms) => date.format(ms),
    time: (ms) => time.format(ms),
    ago: (ms, now) => {
      const s = Math.max(0, Math.round((now - ms) / 1000))
      if (s < 60) return relative.format(-s, 'second')
      if (s < 3600) return relative.format(-Math.floor(s / 60), 'minute')
      return relative.format(-Math.floor(s / 3600), 'hour')
    },
    duration: (ms) => {
      const min = Math.max(0, Math.floor(ms / 60_000))
      if (min < 60) return minutes.format(min)
      const h = Math.floor(min / 60)
      if (h < 24) return min % 60 ? `${hours.format(h)} ${minutes.format(min % 60)}` : hours.format(h)
      return h % 24 ? `${days.format(Math.floor(h / 24))} ${hours.format(h % 24)}` : days.format(h / 24)
    },
  }
}
