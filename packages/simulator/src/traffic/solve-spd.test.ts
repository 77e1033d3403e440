import { expect, test } from 'vitest'
import { solveSpd } from './solve-spd'

test('solves a positive-definite system', () => {
  // A = [[4, 2, 0], [2, 3, 1], [0, 1, 2]], x = [1, −1, 2] → b = A x = [2, 1, 3].
  const a = Float64Array.from([4, 2, 0, 2, 3, 1, 0, 1, 2])
  const x = solveSpd(a, 3, Float64Array.from([2, 1, 3]))
  expect([...(x ?? [])].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, -1, 2])
})

test('refuses a matrix that is not positive definite', () => {
  expect(solveSpd(Float64Array.from([1, 2, 2, 1]), 2, Float64Array.from([1, 1]))).toBeUndefined()
})
