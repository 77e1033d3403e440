import { expect, test } from 'vitest'
import { printedExtremes } from '../testing/printed-extremes'
import { type EstuaryTide, evaluateEstuaryTide } from './fit-estuary-tide'
import { baseLagMin, selectEstuaryTide } from './select-estuary-tide'
import { createTideBases } from './tide-bases'

const bases = createTideBases()

const extremesOf = (truth: EstuaryTide, days: string[]) =>
  printedExtremes((t) => evaluateEstuaryTide(bases, truth, t), days)

const singleLag: EstuaryTide = {
  form: { lagMin: 180, groups: [] },
  names: ['offset', 'sea'],
  coefficients: [0.2, 1.1],
  priorStrength: 1,
}
// Semidiurnal wave damped against the diurnal one, with a short flood: the single lag cannot place its highs.
const estuary: EstuaryTide = {
  form: { lagMin: 180, groups: ['species', 'asymmetry'] },
  names: [],
  coefficients: [0.2, 1.1, -0.25, -0.3, 0.15, -0.08, 0.1],
  priorStrength: 0,
}

test("the base lag is the one that meets a day's printed highs and lows, from that day alone", () => {
  expect(baseLagMin(bases, extremesOf(singleLag, ['2013-03-17']))).toBe(180)
  expect(baseLagMin(bases, extremesOf(singleLag, ['2013-04-04']))).toBe(180)
})

test('with one day of printed highs and lows nothing can judge a richer form: the single lag stays', () => {
  const { model } = selectEstuaryTide(bases, extremesOf(estuary, ['2013-03-17']))
  expect(model.form.groups).toEqual([])
})

test('with several days of printed highs and lows a form the single lag cannot follow is chosen', () => {
  const { model } = selectEstuaryTide(
    bases,
    extremesOf(estuary, ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24']),
  )
  expect(model.form.groups).toContain('species')
})
