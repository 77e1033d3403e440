import { CholeskyDecomposition, Matrix } from 'ml-matrix'

/**
 * Solves A x = b for a symmetric positive-definite A (n × n, row-major) by ml-matrix's Cholesky,
 * A = L Lᵀ; undefined if A is not positive definite. The fit keeps its normal equations flat.
 */
export function solveSpd(a: Float64Array, n: number, b: Float64Array): Float64Array | undefined {
  const rows = Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)))
  const cholesky = new CholeskyDecomposition(new Matrix(rows))
  if (!cholesky.isPositiveDefinite()) return undefined
  return Float64Array.from(cholesky.solve(Matrix.columnVector(Array.from(b))).getColumn(0))
}
