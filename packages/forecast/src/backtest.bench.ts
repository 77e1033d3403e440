import { mkdirSync, writeFileSync } from 'node:fs'
import { loadNetwork } from '@ioc/fixtures'
import { congestionLevelsKph, defaultRulesConfig, waterReleaseMarginM } from '@ioc/rules'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { bench, describe } from 'vitest'
import { formatBacktest } from './backtest/format-backtest'
import { runBacktest } from './backtest/run-backtest'

const RESULTS = new URL('../../../bench/results/', import.meta.url)

// One run over the simulated month: the surges and storms are drawn from the scenario's seed inside
// the simulator, and the forecaster sees only the observations. Every baseline is scored in this run.
describe('forecast backtest, simulated November 2025', () => {
  const { scenario } = loadScenario('month-2025-11')
  const world = loadWorld()
  const network = loadNetwork()
  const rules = defaultRulesConfig()
  let reported = false
  bench(
    'runBacktest (generate + replay + score)',
    () => {
      const report = runBacktest(generateObservations(scenario, world), network, {
        releaseMarginM: (stationId) => waterReleaseMarginM(rules, stationId),
        congestionLine: (segment) => congestionLevelsKph(rules, segment),
      })
      // tinybench may call the body more than once; the table and the file come from the first run.
      if (reported) return
      reported = true
      console.log(`\n${formatBacktest(report)}\n`)
      mkdirSync(RESULTS, { recursive: true })
      writeFileSync(
        new URL('forecast-backtest.json', RESULTS),
        `${JSON.stringify({ scenario: scenario.name, ...report }, null, 2)}\n`,
      )
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  )
})
