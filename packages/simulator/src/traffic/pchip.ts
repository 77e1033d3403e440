/**
 * A shape-preserving cubic through the knots (PCHIP, Fritsch & Carlson 1980, with the end slopes of
 * Moler's `pchip`, as scipy's PchipInterpolator): between two knots it never overshoots them, so a
 * rush-hour dip measured at one time is neither invented between two others nor cut flat as a straight
 * line would. Held constant before the first and after the last knot. `xs` ascending, no repeats.
 */
export function createPchip(xs: readonly number[], ys: readonly number[]): (x: number) => number {
  const n = xs.length
  if (n === 0 || ys.length !== n)
    throw new Error(`pchip needs as many values as knots, got ${n}/${ys.length}`)
  const x = (i: number) => xs[i] as number
  const y = (i: number) => ys[i] as number
  const h = Array.from({ length: n - 1 }, (_, k) => x(k + 1) - x(k))
  const d = h.map((hk, k) => (y(k + 1) - y(k)) / hk)
  const m = new Float64Array(n)
  if (n === 2) m.fill(d[0] as number)
  for (let k = 1; k < n - 1; k++) {
    const d0 = d[k - 1] as number
    const d1 = d[k] as number
    if (d0 * d1 <= 0) continue
    const h0 = h[k - 1] as number
    const h1 = h[k] as number
    const w1 = 2 * h1 + h0
    const w2 = h1 + 2 * h0
    m[k] = (w1 + w2) / (w1 / d0 + w2 / d1)
  }
  if (n > 2) {
    m[0] = endSlope(h[0] as number, h[1] as number, d[0] as number, d[1] as number)
    m[n - 1] = endSlope(h[n - 2] as number, h[n - 3] as number, d[n - 2] as number, d[n - 3] as number)
  }
  return (at) => {
    if (n === 1 || at <= x(0)) return y(0)
    if (at >= x(n - 1)) return y(n - 1)
    let k = 0
    while (at > x(k + 1)) k++
    const hk = h[k] as number
    const s = (at - x(k)) / hk
    const s2 = s * s
    const s3 = s2 * s
    return (
      (2 * s3 - 3 * s2 + 1) * y(k) +
      (s3 - 2 * s2 + s) * hk * (m[k] as number) +
      (-2 * s3 + 3 * s2) * y(k + 1) +
      (s3 - s2) * hk * (m[k + 1] as number)
    )
  }
}

/** The one-sided three-point slope at an end, kept to the sign of the end interval and ≤ 3× its slope. */
function endSlope(h0: number, h1: number, d0: number, d1: number): number {
  const m = ((2 * h0 + h1) * d0 - h0 * d1) / (h0 + h1)
  if (Math.sign(m) !== Math.sign(d0)) return 0
  if (Math.sign(d0) !== Math.sign(d1) && Math.abs(m) > Math.abs(3 * d0)) return 3 * d0
  return m
}
