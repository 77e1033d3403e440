import type { AlertEvent, WaterStation } from '@ioc/domain'
import { formatMinutes } from '../messages/format-number'

/** A `sensor-silent:<station>` warning: raised by the clock, cleared by the next reading. */
export interface SilentAlert {
  key: string
  station: WaterStation
  /** Silence that raises it: `afterIntervals` × the station's expectedIntervalS, ms. */
  afterMs: number
  open: AlertEvent | null
}

export function createSilentAlert(station: WaterStation, afterMs: number): SilentAlert {
  return { key: `sensor-silent:${station.id}`, station, afterMs, open: null }
}

/** Raises the alert when nothing has come in since `sinceMs` for `afterMs` by `nowMs`. */
export function checkSilent(a: SilentAlert, sinceMs: number, nowMs: number): AlertEvent | null {
  if (a.open || nowMs - sinceMs < a.afterMs) return null
  const silent = formatMinutes(nowMs - sinceMs)
  const limit = formatMinutes(a.afterMs)
  a.open = silentEvent(a, 'raised', nowMs - sinceMs, nowMs, {
    vi: `${a.station.name} mất tín hiệu: không có dữ liệu ${silent.vi} phút (ngưỡng ${limit.vi} phút)`,
    en: `${a.station.name} silent: no data for ${silent.en} min (threshold ${limit.en} min)`,
  })
  return a.open
}

/** Clears the alert when a reading at `atMs` ends a silence that began at `sinceMs`. */
export function resumeSilent(a: SilentAlert, sinceMs: number, atMs: number): AlertEvent | null {
  if (!a.open) return null
  a.open = null
  const gap = formatMinutes(atMs - sinceMs)
  return silentEvent(a, 'cleared', atMs - sinceMs, atMs, {
    vi: `${a.station.name} có dữ liệu trở lại sau ${gap.vi} phút`,
    en: `${a.station.name} reporting again after ${gap.en} min`,
  })
}

function silentEvent(
  a: SilentAlert,
  type: 'raised' | 'cleared',
  silentMs: number,
  atMs: number,
  message: AlertEvent['message'],
): AlertEvent {
  return {
    type,
    key: a.key,
    kind: 'sensor-silent',
    subject: { type: 'station', id: a.station.id },
    severity: 'warning',
    value: silentMs / 1000,
    threshold: a.afterMs / 1000,
    unit: 's',
    at: atMs,
    message,
  }
}
