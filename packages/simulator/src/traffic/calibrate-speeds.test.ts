import { loadMeasuredSpeeds, loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { crossValidateSpeeds, fitPerTimeSpeeds } from './calibrate-speeds'
import { fitSmoothSpeeds } from './fit-smooth-speeds'
import { measuredRuns, segmentInfo } from './measured-runs'

const segments = loadNetwork().segments
const runs = measuredRuns(loadMeasuredSpeeds(), segments)
const info = segmentInfo(segments)

test('judged on measured times and routes it was not fitted to, the smooth calibration beats today’s', () => {
  const today = crossValidateSpeeds(runs, (rs) => fitPerTimeSpeeds(rs, info))
  // Its penalty and its routes' memory are chosen inside each training part (inner route folds, inner
  // left-out times).
  const smooth = crossValidateSpeeds(runs, (rs) => fitSmoothSpeeds(rs, info))
  console.log(`traffic calibration, median (share > 15 %): ${JSON.stringify({ today, smooth })}`)
  // In its own fit today's calibration looks perfect; that is not skill.
  expect(today.inFit.median).toBeLessThan(0.01)
  expect(today.leaveOneTimeOut.median).toBeGreaterThan(0.07)
  // A measured route at a time left out: its own other times (the route memory) meet issue 17's aim.
  expect(smooth.leaveOneTimeOut.median).toBeLessThanOrEqual(0.06)
  expect(smooth.leaveOneTimeOut.over15).toBeLessThan(today.leaveOneTimeOut.over15 - 0.02)
  expect(smooth.leaveRoutesOut.median).toBeLessThan(0.11)
  expect(smooth.leaveRoutesOut.median).toBeLessThan(today.leaveRoutesOut.median - 0.005)
  expect(smooth.leaveRoutesOut.over15).toBeLessThan(today.leaveRoutesOut.over15)
}, 300_000)
