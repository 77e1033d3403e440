import type { GaugeStation } from '@ioc/domain'
import { type BandAlert, type BandChange, createBandAlert } from '../bands/band-alert'
import type { WaterLevelSettings } from '../config/resolve-rules'
import { formatMetres, formatMinutes } from '../messages/format-number'

/**
 * One `water-level:<station>` alert per gauge. Báo động I/II/III raise it as minor/major/critical
 * the moment a reading reaches the level (value ≥ threshold); a level is let go only after every
 * reading has stayed `clearMarginM` below it for `clearHoldS` (see stepBand).
 */
export function createWaterLevelAlert(station: GaugeStation, settings: WaterLevelSettings): BandAlert {
  const { levels, holdMs } = settings
  const label = (level: number) => levels[level - 1]?.label ?? ''
  return createBandAlert({
    kind: 'water-level',
    subject: { type: 'station', id: station.id },
    unit: 'm',
    levels,
    pendingMs: 0,
    holdMs,
    describe: ({ from, to, value, threshold }: BandChange) => {
      const hold = formatMinutes(holdMs)
      const v = formatMetres(value)
      const t = formatMetres(threshold)
      if (to > from)
        return {
          vi: `${station.name} vượt báo động ${label(to)}: ${v.vi} m (ngưỡng ${t.vi} m)`,
          en: `${station.name} above alarm level ${label(to)}: ${v.en} m (threshold ${t.en} m)`,
        }
      if (to > 0)
        return {
          vi: `${station.name} giảm về báo động ${label(to)}: ${v.vi} m (dưới ${t.vi} m suốt ${hold.vi} phút)`,
          en: `${station.name} down to alarm level ${label(to)}: ${v.en} m (below ${t.en} m for ${hold.en} min)`,
        }
      return {
        vi: `${station.name} đã xuống dưới báo động ${label(1)}: ${v.vi} m (dưới ${t.vi} m suốt ${hold.vi} phút)`,
        en: `${station.name} back below alarm level ${label(1)}: ${v.en} m (below ${t.en} m for ${hold.en} min)`,
      }
    },
  })
}
