/** A piecewise-linear value over time, held constant before the first and after the last knot; 0 if empty. */
export function interpolateKnots(knots: readonly { atMs: number; value: number }[], atMs: number): number {
  const first = knots[0]
  if (!first) return 0
  if (atMs <= first.atMs) return first.value
  for (let i = 1; i < knots.length; i++) {
    const b = knots[i] as { atMs: number; value: number }
    if (atMs <= b.atMs) {
      const a = knots[i - 1] as { atMs: number; value: number }
      return a.value + ((b.value - a.value) * (atMs - a.atMs)) / (b.atMs - a.atMs)
    }
  }
  return (knots.at(-1) as { value: number }).value
}
