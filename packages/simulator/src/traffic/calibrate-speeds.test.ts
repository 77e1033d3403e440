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
  // Its penalty is chosen inside each training part (fitSmoothSpeeds' inner route folds).
  const smooth = crossValidateSpeeds(runs, (rs) => fitSmoothSpeeds(rs, info))
  console.log(`traffic calibration, median (share > 15 %): ${JSON.stringify({ today, smooth })}`)
  // In its own fit today's calibration looks perfect; that is not skill.
  expect(today.inFit.median).toBeLessThan(0.01)
  expect(today.leaveOneTimeOut.median).toBeGreaterThan(0.07)
  expect(smooth.leaveOneTimeOut.median).toBeLessThan(today.leaveOneTimeOut.median)
  expect(smooth.leaveOneTimeOut.over15).toBeLessThanOrEqual(today.leaveOneTimeOut.over15)
  expect(smooth.leaveRoutesOut.median).toBeLessThan(0.11)
  expect(smooth.leaveRoutesOut.median).toBeLessThan(today.leaveRoutesOut.median - 0.005)
  expect(smooth.leaveRoutesOut.over15).toBeLessThan(today.leaveRoutesOut.over15)
}, 300_000)
