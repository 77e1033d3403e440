import { stationsById } from '@neaps/tide-database'
import { useStation } from '@neaps/tide-predictor'
import { expect, test } from 'vitest'
import { createVungTauTide, VUNG_TAU_STATION_ID } from './vung-tau-tide'

const station = stationsById.get(VUNG_TAU_STATION_ID)
if (!station) throw new Error(`no station ${VUNG_TAU_STATION_ID}`)
// The station's own predictor from @neaps, on its mean-sea-level datum (ours is about MSL too).
// The two packages' Station types differ only in an optional disclaimer.
const own = useStation({ ...station, disclaimers: station.disclaimers ?? '' })
const start = new Date('2025-11-05T00:00:00+07:00')
const end = new Date('2025-11-08T00:00:00+07:00')
const tide = createVungTauTide()

test('the Vũng Tàu tide matches the package timeline for the station to the millimetre', () => {
  const { timeline } = own.getTimelinePrediction({ start, end, datum: 'MSL' })
  expect(timeline.length).toBeGreaterThan(400)
  for (const p of timeline) expect(tide(p.time.getTime())).toBeCloseTo(p.level, 3)
})

test('the tide has the package highs and lows: levels within 5 mm, times within 2 min', () => {
  const { extremes } = own.getExtremesPrediction({ start, end, datum: 'MSL' })
  expect(extremes.length).toBeGreaterThanOrEqual(10)
  for (const e of extremes) {
    const t = e.time.getTime()
    expect(tide(t)).toBeCloseTo(e.level, 2)
    const sign = e.high ? 1 : -1
    let bestMs = t
    for (let s = -3600; s <= 3600; s += 10) {
      const at = t + s * 1000
      if (sign * tide(at) > sign * tide(bestMs)) bestMs = at
    }
    expect(Math.abs(bestMs - t)).toBeLessThanOrEqual(2 * 60_000)
  }
})

test('the tide is continuous: no 10-minute steps, a minute moves it by what its slope says', () => {
  let worst = 0
  for (let t = start.getTime(); t < end.getTime(); t += 60_000) {
    const curvature = tide(t + 60_000) - 2 * tide(t) + tide(t - 60_000)
    worst = Math.max(worst, Math.abs(curvature))
  }
  // A 10-minute step of a tide rising 1 cm a minute would show as 10 cm here.
  expect(worst).toBeLessThan(0.0005)
})
