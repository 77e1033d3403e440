import { loadNetwork, loadTideReports } from '@ioc/fixtures'
import { createTideBases, selectEstuaryTide } from '@ioc/forecast'
import { reportedLevels } from '@ioc/simulator'
import { expect, test } from 'vitest'
import { DEFAULT_TRANSFER_PRIORS } from './forecast-config'
import { readTransferPriors } from './transfer-priors'

test('the built-in prior of each gauge is the form the real-data backtest chooses on every reported day', () => {
  const priors = readTransferPriors(DEFAULT_TRANSFER_PRIORS, loadNetwork())
  const bases = createTideBases()
  const reports = reportedLevels(loadTideReports())
  expect([...priors.keys()].sort()).toEqual(['nha-be', 'phu-an'])
  for (const [id, prior] of priors) {
    const { model } = selectEstuaryTide(
      bases,
      reports.filter((r) => r.stationId === id),
    )
    // A richer form would need more than a lag, a gain and an offset: the prior could not carry it.
    expect(model.form.groups).toEqual([])
    expect(prior.lagMin).toBe(model.form.lagMin)
    expect(prior.offsetM).toBeCloseTo(model.coefficients[0] as number, 3)
    expect(prior.gain).toBeCloseTo(model.coefficients[1] as number, 3)
  }
})
