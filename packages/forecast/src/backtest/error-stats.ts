/** Running mean absolute error and bias (forecast − observed) of one forecaster at one lead. */
export class ErrorStats {
  n = 0
  private sumAbs = 0
  private sum = 0

  add(forecast: number, observed: number): void {
    this.n++
    this.sumAbs += Math.abs(forecast - observed)
    this.sum += forecast - observed
  }

  summary(digits: number): { n: number; mae: number; bias: number } {
    const f = 10 ** digits
    const r = (x: number) => Math.round((x / Math.max(1, this.n)) * f) / f
    return { n: this.n, mae: r(this.sumAbs), bias: r(this.sum) }
  }
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
