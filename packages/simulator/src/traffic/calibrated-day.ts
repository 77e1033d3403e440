import { extendToFullDay, sampleDay } from './daily-profile'
import type { SmoothSpeedModel } from './fit-smooth-speeds'

const STEP_MIN = 5

/**
 * A segment's weekday from a calibration: its speed every 5 minutes over the measured hours, and the
 * assumed evening and night beyond them (extendToFullDay).
 */
export function calibratedWeekday(calibration: SmoothSpeedModel, segmentId: string): Float32Array {
  const first = calibration.minutes[0] ?? 0
  const last = calibration.minutes.at(-1) ?? 0
  const knots = []
  for (let minute = first; minute <= last; minute += STEP_MIN)
    knots.push({ minute, value: calibration.segmentKph(segmentId, minute) })
  return sampleDay(extendToFullDay(knots))
}
