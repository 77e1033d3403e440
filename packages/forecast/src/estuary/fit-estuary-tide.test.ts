import { expect, test } from 'vitest'
import { printedExtremes } from '../testing/printed-extremes'
import { findExtremeNear } from './find-extreme'
import { evaluateEstuaryTide, fitEstuaryTide } from './fit-estuary-tide'
import { createTideBases } from './tide-bases'

const bases = createTideBases()
const HOUR_MS = 3_600_000
const groups = ['species', 'asymmetry'] as const
// An estuary whose semidiurnal wave is damped and late against its diurnal one, with a short flood.
const truth = {
  form: { lagMin: 180, groups },
  names: [],
  coefficients: [0.2, 1.1, -0.25, -0.3, 0.15, -0.08, 0.1],
  priorStrength: 0,
}
const level = (t: number) => evaluateEstuaryTide(bases, truth, t)

const extremesOf = (days: string[]) => printedExtremes(level, days)

test('recovers a known estuary tide from its printed highs and lows: the curve within 1 cm', () => {
  const reports = extremesOf(['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'])
  expect(reports.length).toBeGreaterThanOrEqual(12)
  const fit = fitEstuaryTide(bases, 180, reports, { groups, priorStrength: 0 })
  // Scored on a day it never saw: the highs and lows land within 2 minutes and 1 cm.
  for (const r of extremesOf(['2025-04-07'])) {
    if (r.kind !== 'extreme') continue
    const e = findExtremeNear((t) => evaluateEstuaryTide(bases, fit, t), r.extreme, r.atMs)
    expect(Math.abs((e?.atMs ?? 0) - r.atMs)).toBeLessThan(2 * 60_000)
    expect(Math.abs((e?.levelM ?? 0) - r.levelM)).toBeLessThan(0.01)
  }
})

test('the curve is continuous in time: an extreme is placed between minutes, not on a 10-minute grid', () => {
  const [r] = extremesOf(['2025-04-07'])
  if (r?.kind !== 'extreme') throw new Error('no extreme')
  expect(r.atMs % 600_000).not.toBe(0)
  const step = (t: number) => Math.abs(level(t + 60_000) - level(t))
  // One minute apart near mid-tide the level moves by under 2 cm: no steps.
  expect(step(r.atMs + 3 * HOUR_MS)).toBeLessThan(0.02)
})
