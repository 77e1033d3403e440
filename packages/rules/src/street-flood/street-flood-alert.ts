import type { FloodSensorStation } from '@ioc/domain'
import { type BandAlert, type BandChange, createBandAlert } from '../bands/band-alert'
import type { StreetFloodSettings } from '../config/resolve-rules'
import { formatMinutes, formatWhole } from '../messages/format-number'

// What each depth level means for the street (domain FloodSensorStation.depthLevelsCm).
const MEANING = [
  { vi: 'đi được nhưng cần thận trọng', en: 'passable with care' },
  { vi: 'nguy hiểm cho xe máy', en: 'dangerous for motorbikes' },
  { vi: 'không thể lưu thông', en: 'impassable' },
]

/**
 * One `street-flood:<sensor>` alert per flood sensor: depth ≥ level 1/2/3 (default 10/30/50 cm) is
 * minor/major/critical, with the same hysteresis as the gauges (`clearMarginCm` for `clearHoldS`).
 */
export function createStreetFloodAlert(
  station: FloodSensorStation,
  settings: StreetFloodSettings,
): BandAlert {
  return createBandAlert({
    kind: 'street-flood',
    subject: { type: 'station', id: station.id },
    unit: 'cm',
    levels: settings.levels,
    pendingMs: 0,
    holdMs: settings.holdMs,
    describe: ({ from, to, value, threshold }: BandChange) => {
      const hold = formatMinutes(settings.holdMs)
      const v = formatWhole(value)
      const t = formatWhole(threshold)
      const meaning = MEANING[to - 1]
      if (to > from && meaning)
        return {
          vi: `${station.name} ngập ${v.vi} cm, ${meaning.vi} (ngưỡng ${t.vi} cm)`,
          en: `${station.name} flooded ${v.en} cm, ${meaning.en} (threshold ${t.en} cm)`,
        }
      if (meaning)
        return {
          vi: `${station.name} giảm ngập còn ${v.vi} cm, ${meaning.vi} (dưới ${t.vi} cm suốt ${hold.vi} phút)`,
          en: `${station.name} flooding down to ${v.en} cm, ${meaning.en} (below ${t.en} cm for ${hold.en} min)`,
        }
      return {
        vi: `${station.name} hết ngập: ${v.vi} cm (dưới ${t.vi} cm suốt ${hold.vi} phút)`,
        en: `${station.name} no longer flooded: ${v.en} cm (below ${t.en} cm for ${hold.en} min)`,
      }
    },
  })
}
