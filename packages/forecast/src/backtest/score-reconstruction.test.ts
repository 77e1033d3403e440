import { localHour } from '@ioc/domain'
import { loadTideReports } from '@ioc/fixtures'
import { reportedLevels } from '@ioc/simulator'
import { expect, test } from 'vitest'
import { createTideBases } from '../estuary/tide-bases'
import { scoreReconstruction } from './score-reconstruction'

const windows = scoreReconstruction(createTideBases(), reportedLevels(loadTideReports()), '2025-11-06')
const hour = localHour

test("the king tide of 6 Nov 2025: Phú An's evening peak from the tide model that never saw the day is within ±8 cm of 1.72–1.78 m, 17–19 h", () => {
  const evening = windows.find((w) => w.stationId === 'phu-an' && hour(w.fromMs) === 17)
  if (!evening) throw new Error('no 17–19 h window at Phú An')
  expect(Math.abs(evening.heldOut.errorCm)).toBeLessThanOrEqual(8)
  expect(hour(evening.heldOut.atMs)).toBe(17)
})

test('the reconstruction adds the surge the fitted model estimates to meet each window, not a number set by hand', () => {
  for (const w of windows) {
    const reconstructed = w.tideInFit.levelM + w.surgeM
    expect(reconstructed).toBeCloseTo((w.reportedMinM + w.reportedMaxM) / 2, 2)
    expect(Math.abs(w.surgeM)).toBeLessThan(0.3)
  }
  expect(windows.map((w) => w.stationId)).toEqual(['nha-be', 'nha-be', 'phu-an', 'phu-an'])
})
