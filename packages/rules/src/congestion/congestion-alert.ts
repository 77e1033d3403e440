import type { RoadSegment } from '@ioc/domain'
import { type BandAlert, type BandChange, createBandAlert } from '../bands/band-alert'
import type { CongestionSettings } from '../config/resolve-rules'
import { formatMinutes, formatWhole } from '../messages/format-number'

/**
 * One `congestion:<segment>` alert per segment, Grafana-style: a level raises only once its
 * condition has held for the pending period, and `at` is the reading that completed it.
 *
 * | severity | raises after `pendingS` (10 min) | is let go after `clearHoldS` (5 min) |
 * |----------|----------------------------------|--------------------------------------|
 * | warning  | speed < 40% of free flow         | speed > 60% (the alert clears)       |
 * | major    | speed < 20% of free flow         | speed > 40% (back to warning)        |
 */
export function createCongestionAlert(segment: RoadSegment, settings: CongestionSettings): BandAlert {
  return createBandAlert({
    kind: 'congestion',
    subject: { type: 'segment', id: segment.id },
    unit: 'km/h',
    levels: settings.levels,
    pendingMs: settings.pendingMs,
    holdMs: settings.holdMs,
    // Formatted only when an event happens: building 5,576 alerts must stay cheap.
    describe: ({ from, to, value, threshold }: BandChange) => {
      const place = segmentLabel(segment)
      const v = formatWhole(value)
      const t = formatWhole(threshold)
      if (to > from) {
        const pending = formatMinutes(settings.pendingMs)
        const ff = formatWhole(settings.freeFlowKph)
        const pct = formatWhole(settings.raisePct[to - 1] ?? 0)
        const what =
          to === 2
            ? { vi: 'ùn tắc nghiêm trọng', en: 'severely congested' }
            : { vi: 'ùn tắc', en: 'congested' }
        return {
          vi: `${place.vi} ${what.vi}: ${v.vi} km/h, dưới ${pct.vi}% tốc độ thông thoáng ${ff.vi} km/h suốt ${pending.vi} phút (ngưỡng ${t.vi} km/h)`,
          en: `${place.en} ${what.en}: ${v.en} km/h, below ${pct.en}% of free-flow ${ff.en} km/h for ${pending.en} min (threshold ${t.en} km/h)`,
        }
      }
      const hold = formatMinutes(settings.holdMs)
      const pct = formatWhole(settings.releasePct[to] ?? 0)
      const what =
        to > 0
          ? { vi: 'bớt ùn tắc', en: 'congestion easing' }
          : { vi: 'hết ùn tắc', en: 'congestion cleared' }
      return {
        vi: `${place.vi} ${what.vi}: ${v.vi} km/h, trên ${pct.vi}% tốc độ thông thoáng suốt ${hold.vi} phút (ngưỡng ${t.vi} km/h)`,
        en: `${place.en} ${what.en}: ${v.en} km/h, above ${pct.en}% of free flow for ${hold.en} min (threshold ${t.en} km/h)`,
      }
    },
  })
}

/** "Điện Biên Phủ (Bình Thạnh)"; OSM leaves some segments unnamed, so those fall back to the id. */
function segmentLabel(s: RoadSegment): { vi: string; en: string } {
  if (s.name) return { vi: `${s.name} (${s.district})`, en: `${s.name} (${s.district})` }
  return { vi: `Đoạn đường ${s.id} (${s.district})`, en: `Road segment ${s.id} (${s.district})` }
}
