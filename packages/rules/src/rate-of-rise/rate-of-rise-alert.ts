import type { AlertEvent, GaugeStation } from '@ioc/domain'
import {
  type BandAlert,
  type BandChange,
  createBandAlert,
  packMasks,
  stepBandAlert,
} from '../bands/band-alert'
import type { Level, RateOfRiseSettings } from '../config/resolve-rules'
import { formatMetres, formatMinutes } from '../messages/format-number'
import { createRiseWindow, pushRise, type RiseWindow } from './rise-window'

export interface RateOfRiseAlert {
  band: BandAlert
  window: RiseWindow
}

/**
 * One `rate-of-rise:<gauge>` warning: the reading stands more than `riseM` above the lowest reading
 * of the last `windowS` (default 0.10 m in 15 min). It raises at once and clears after the rise has
 * stayed at or under `riseM` for `clearHoldS`.
 */
export function createRateOfRiseAlert(station: GaugeStation, settings: RateOfRiseSettings): RateOfRiseAlert {
  return {
    window: createRiseWindow(settings.windowMs),
    band: createBandAlert({
      kind: 'rate-of-rise',
      subject: { type: 'station', id: station.id },
      unit: 'm',
      levels: [{ label: 'rise', severity: 'warning', threshold: settings.riseM, releaseAt: settings.riseM }],
      pendingMs: 0,
      holdMs: settings.holdMs,
      describe: ({ to, value, threshold }: BandChange) => {
        const window = formatMinutes(settings.windowMs)
        const v = formatMetres(value)
        const t = formatMetres(threshold)
        return to > 0
          ? {
              vi: `${station.name} nước lên nhanh: tăng ${v.vi} m trong ${window.vi} phút (ngưỡng ${t.vi} m)`,
              en: `${station.name} rising fast: up ${v.en} m in ${window.en} min (threshold ${t.en} m)`,
            }
          : {
              vi: `${station.name} nước đã lên chậm lại: tăng ${v.vi} m trong ${window.vi} phút (ngưỡng ${t.vi} m)`,
              en: `${station.name} no longer rising fast: up ${v.en} m in ${window.en} min (threshold ${t.en} m)`,
            }
      },
    }),
  }
}

/** Feeds one gauge reading (metres) and returns the rate-of-rise event it causes, if any. */
export function observeRateOfRise(a: RateOfRiseAlert, atMs: number, valueM: number): AlertEvent | null {
  const riseM = pushRise(a.window, atMs, valueM)
  const over = riseM > (a.band.levels[0] as Level).threshold ? 1 : 0
  return stepBandAlert(a.band, packMasks(over, over ^ 1), riseM, atMs)
}
