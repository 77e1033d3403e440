import { stationsById } from '@neaps/tide-database'
import { useStation } from '@neaps/tide-predictor'
import { expect, test } from 'vitest'
import { tabulateTide } from './tide-table'
import { createVungTauTide, VUNG_TAU_STATION_ID } from './vung-tau-tide'

const station = stationsById.get(VUNG_TAU_STATION_ID)
if (!station) throw new Error(`no station ${VUNG_TAU_STATION_ID}`)
// The station's own predictor from @neaps, on its mean-sea-level datum (ours is about MSL too).
// The two packages' Station types differ only in an optional disclaimer.
const own = useStation({ ...station, disclaimers: station.disclaimers ?? '' })
const start = new Date('2025-11-05T00:00:00+07:00')
const end = new Date('2025-11-08T00:00:00+07:00')

test('the Vũng Tàu tide matches the package timeline for the station to the millimetre', () => {
  const tide = createVungTauTide()
  const { timeline } = own.getTimelinePrediction({ start, end, datum: 'MSL' })
  expect(timeline.length).toBeGreaterThan(400)
  for (const p of timeline) expect(tide(p.time.getTime())).toBeCloseTo(p.level, 3)
})

test('the tabulated tide has the package highs and lows: levels within 5 mm, times within 5 min', () => {
  const tide = tabulateTide(createVungTauTide())
  const { extremes } = own.getExtremesPrediction({ start, end, datum: 'MSL' })
  expect(extremes.length).toBeGreaterThanOrEqual(10)
  for (const e of extremes) {
    const t = e.time.getTime()
    expect(tide(t)).toBeCloseTo(e.level, 2)
    // Our curve's own high or low within an hour of the package's is within a few minutes of it: a slack
    // tide is so flat that minutes change the level by well under a millimetre.
    const sign = e.high ? 1 : -1
    let bestMs = t
    for (let m = -60; m <= 60; m++) {
      const at = t + m * 60_000
      if (sign * tide(at) > sign * tide(bestMs)) bestMs = at
    }
    expect(Math.abs(bestMs - t)).toBeLessThanOrEqual(5 * 60_000)
  }
})
