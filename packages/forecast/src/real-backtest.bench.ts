import { mkdirSync, writeFileSync } from 'node:fs'
import { loadMeasuredSpeeds, loadNetwork, loadTideReports } from '@ioc/fixtures'
import {
  crossValidateSpeeds,
  fitPerTimeSpeeds,
  fitSmoothSpeeds,
  loadScenario,
  loadWorld,
  measuredRuns,
  reportedLevels,
  scoreTrafficOnMeasured,
  segmentInfo,
} from '@ioc/simulator'
import { bench, describe } from 'vitest'
import { formatRealBacktest, formatReconstruction } from './backtest/format-real-backtest'
import { runRealBacktest } from './backtest/run-real-backtest'
import { scoreReconstruction } from './backtest/score-reconstruction'
import { levelErrors, timedReadings } from './estuary/select-estuary-tide'
import { createTideBases } from './estuary/tide-bases'
import { applyTideTransfer, fitTideTransfer } from './tide/fit-tide-transfer'

const RESULTS = new URL('../../../bench/results/', import.meta.url)

// The real-data backtest: the reported Đài KTTV Nam Bộ levels, each day left out in turn. Its cost is
// set against today's single-lag fit over the same folds, in the same run.
describe('forecast backtest on the reported tide levels', () => {
  const bases = createTideBases()
  const reports = reportedLevels(loadTideReports())
  let reported = false
  bench(
    'Baseline# single-lag fit, leave one day out',
    () => {
      for (const id of ['phu-an', 'nha-be']) {
        const mine = reports.filter((r) => r.stationId === id)
        for (const day of new Set(mine.map((r) => r.day))) {
          const t = fitTideTransfer(bases.sea, timedReadings(mine.filter((r) => r.day !== day)))
          levelErrors(
            (at) => applyTideTransfer(bases.sea, t, at),
            mine.filter((r) => r.day === day),
          )
        }
      }
    },
    { iterations: 3, warmupIterations: 1 },
  )
  bench(
    'runRealBacktest (nested choice of form, four leads, band)',
    () => {
      const report = runRealBacktest(bases, reports)
      if (reported) return
      reported = true
      const reconstruction = scoreReconstruction(bases, reports, '2025-11-06')
      console.log(
        `\n${formatRealBacktest(report)}\n\n${formatReconstruction('2025-11-06', reconstruction)}\n`,
      )
      mkdirSync(RESULTS, { recursive: true })
      const { forecasts: _, ...tables } = report
      // The traffic calibration judged the same way: on measured times and routes it was not fitted to.
      const segments = loadNetwork().segments
      const runs = measuredRuns(loadMeasuredSpeeds(), segments)
      const info = segmentInfo(segments)
      const trafficCalibration = {
        data: 'fixtures/hcmc/measured-speeds.json (2025-10-30, good crosswalk matches): the only measured traffic',
        today: crossValidateSpeeds(runs, (rs) => fitPerTimeSpeeds(rs, info)),
        // Its dynamic penalty chosen by route folds inside each training part.
        smooth: crossValidateSpeeds(runs, (rs) => fitSmoothSpeeds(rs, info)),
      }
      // The traffic forecaster on the measured points alone (its history is simulated, see the function).
      const trafficOnMeasured = scoreTrafficOnMeasured(
        loadWorld(),
        loadScenario('normal-weekday').scenario,
        runs,
        info,
      )
      console.log(`traffic forecast on the measured runs: ${JSON.stringify(trafficOnMeasured)}\n`)
      console.log(
        `traffic calibration (median relative error; share > 15 %): ${JSON.stringify(trafficCalibration)}\n`,
      )
      writeFileSync(
        new URL('forecast-real.json', RESULTS),
        `${JSON.stringify({ data: 'fixtures/hcmc/tide-reports.json (Đài KTTV Nam Bộ, as printed by the press)', ...tables, reconstruction: { day: '2025-11-06', windows: reconstruction }, trafficCalibration, trafficOnMeasured }, null, 2)}\n`,
      )
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  )
})
