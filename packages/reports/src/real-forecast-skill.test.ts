import { loadNetwork, loadTideReports } from '@ioc/fixtures'
import { createTideBases, runRealBacktest } from '@ioc/forecast'
import { reportedLevels } from '@ioc/simulator'
import { expect, test } from 'vitest'
import { realForecastSkill } from './real-forecast-skill'

test('per gauge, the reports page gets the very figures of ioc backtest --real', () => {
  const report = runRealBacktest(createTideBases(), reportedLevels(loadTideReports()))
  const skill = realForecastSkill(report, loadNetwork().stations, 'fixtures/hcmc/tide-reports.json')
  expect(skill.days).toBe(report.days)
  expect(skill.gauges.map((g) => g.name).sort()).toEqual(['Nhà Bè', 'Phú An'])
  for (const g of skill.gauges) {
    // Every lead row of the backtest is on the page under its gauge, cell for cell.
    const rows = report.leads.filter((r) => r.stationId === g.stationId)
    expect(g.leads).toHaveLength(rows.length)
    for (const row of rows)
      expect(g.leads.find((l) => l.kind === row.kind && l.leadH === row.leadH)?.cells).toEqual(row.cells)
    const phuAnHigh3h = g.leads.find((l) => l.kind === 'high' && l.leadH === 3)
    expect(phuAnHigh3h?.cells.forecast.n).toBeGreaterThan(0)
    expect(g.leaveOneDayOut.map((r) => r.kind).sort()).toEqual(['high', 'low', 'peak'])
    expect(g.band.map((b) => b.leadH)).toEqual([1, 3, 6, 24])
  }
}, 120_000)
