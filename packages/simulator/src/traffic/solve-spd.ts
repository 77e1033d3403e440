/**
 * Solves A x = b for a symmetric positive-definite A (n × n, row-major) by Cholesky, A = L Lᵀ; undefined
 * if A is not positive definite.
 */
export function solveSpd(a: Float64Array, n: number, b: Float64Array): Float64Array | undefined {
  const l = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j] as number
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number)
      if (i === j) {
        if (!(s > 0)) return undefined
        l[i * n + i] = Math.sqrt(s)
      } else l[i * n + j] = s / (l[j * n + j] as number)
    }
  }
  const x = Float64Array.from(b)
  for (let i = 0; i < n; i++) {
    let s = x[i] as number
    for (let k = 0; k < i; k++) s -= (l[i * n + k] as number) * (x[k] as number)
    x[i] = s / (l[i * n + i] as number)
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i] as number
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (x[k] as number)
    x[i] = s / (l[i * n + i] as number)
  }
  return x
}
