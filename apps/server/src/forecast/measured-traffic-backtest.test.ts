import { expect, test } from 'vitest'
import { CliError } from '../cli/cli-error'
import { measuredTrafficBacktest } from './measured-traffic-backtest'

test('the traffic table is scored on the measured runs and says that its history is simulated', () => {
  const table = measuredTrafficBacktest('17:00')
  expect(table).toMatch(/^Traffic forecast on MEASURED truth: the 2025-10-30 runs/)
  expect(table).toMatch(/^Measured times scored, each left out of the calibration in turn: 17:00$/m)
  expect(table).toMatch(/the forecaster learns from is SIMULATED/)
  expect(table).toMatch(/^lead\s+forecast\s+persistence\s+usual profile\s+seasonal naive\s+n$/m)
  // The 106 measured routes at 17:00, at each lead.
  const rows = [
    ...table.matchAll(/^(\d+) min\s+([\d.]+) \([\d.]+ %\)\s+([\d.]+) \([\d.]+ %\)\s+.*\s(\d+)$/gm),
  ]
  expect(rows.map((r) => [Number(r[1]), Number(r[4])])).toEqual([
    [15, 106],
    [30, 106],
    [60, 106],
  ])
  // An hour ahead of the evening rush, the forecast beats the speed an hour before.
  const at60 = rows[2] as RegExpMatchArray
  expect(Number(at60[2])).toBeLessThan(Number(at60[3]))
}, 180_000)

test('a time that was not measured is refused with the measured ones', () => {
  expect(() => measuredTrafficBacktest('17:05')).toThrow(CliError)
  expect(() => measuredTrafficBacktest('17:05')).toThrow(/not a measured time of 2025-10-30 \(03:25, 05:25/)
})
