import { loadMeasuredSpeeds, loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { crossValidateSpeeds, fitPerTimeSpeeds, fitPooledSpeeds } from './calibrate-speeds'
import { measuredRuns, segmentInfo } from './measured-runs'

const runs = measuredRuns(loadMeasuredSpeeds())
const info = segmentInfo(loadNetwork().segments)

test('judged on what it was not fitted to, the calibration misses a measured time by ~7 % and a route by ~11 %', () => {
  const today = crossValidateSpeeds(runs, (rs) => fitPerTimeSpeeds(rs, info))
  const withPriors = crossValidateSpeeds(runs, (rs) =>
    fitPerTimeSpeeds(rs, info, fitPooledSpeeds(rs, info).segmentKph),
  )
  // In its own fit today's calibration looks perfect; that is not skill.
  expect(today.inFit.median).toBeLessThan(0.01)
  expect(today.leaveOneTimeOut.median).toBeGreaterThan(0.06)
  // Priors by road class and district for the segments a route does not share with others help a little.
  expect(withPriors.leaveRoutesOut.median).toBeLessThan(today.leaveRoutesOut.median)
  expect(withPriors.leaveRoutesOut.over15).toBeLessThan(today.leaveRoutesOut.over15)
  expect(withPriors.leaveRoutesOut.median).toBeLessThan(0.12)
  expect(withPriors.leaveOneTimeOut.median).toBeLessThanOrEqual(today.leaveOneTimeOut.median)
}, 180_000)
