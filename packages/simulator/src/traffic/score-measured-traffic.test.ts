import { loadMeasuredSpeeds, loadNetwork } from '@ioc/fixtures'
import { expect, test } from 'vitest'
import { loadWorld } from '../load-world'
import { loadScenario } from '../scenario/load-scenario'
import { measuredRuns, segmentInfo } from './measured-runs'
import { scoreTrafficOnMeasured } from './score-measured-traffic'

const segments = loadNetwork().segments
const runs = measuredRuns(loadMeasuredSpeeds(), segments)

test('on the measured runs of the morning and evening rush, persistence falls behind as the lead grows', () => {
  const score = scoreTrafficOnMeasured(
    loadWorld(),
    loadScenario('normal-weekday').scenario,
    runs,
    segmentInfo(segments),
    { minutes: [450, 1020] },
  )
  expect(score.data).toMatch(/measured runs only; the history the forecaster learns from is simulated/)
  // Every measured route at both times is scored at every lead.
  expect(score.leads.map((l) => l.n)).toEqual([212, 212, 212])
  const [at15, , at60] = score.leads
  expect(at60?.maeKph.persistence).toBeGreaterThan(at15?.maeKph.persistence as number)
  // An hour ahead the usual profile knows the rush; the speed an hour before does not.
  expect(at60?.maeKph['usual profile']).toBeLessThan((at60?.maeKph.persistence as number) * 0.7)
  expect(at60?.maeKph.forecast).toBeLessThan(at60?.maeKph.persistence as number)
}, 180_000)
