/** A value at a local time of day: minutes since midnight. */
export interface Knot {
  minute: number
  value: number
}

export const STEPS_PER_DAY = 288 // one value per 5 minutes
const DAY_MIN = 1440
const STEP_MIN = DAY_MIN / STEPS_PER_DAY

/**
 * Completes a day measured only from ~03:25 to ~18:00 (the 2025-10-30 runs) with knots drawn from the
 * series itself. Assumed shape, not measured: the evening rush holds until 19:00 (HCMC's peak runs
 * 16:30–19:00), traffic is back to its midday level by 20:30 and to its early-morning level by 22:30,
 * and the night between 22:30 and the first measurement interpolates towards the 03:25 value.
 */
export function extendToFullDay(measured: readonly Knot[]): Knot[] {
  const sorted = [...measured].sort((a, b) => a.minute - b.minute)
  const last = sorted.at(-1)
  if (!last) throw new Error('extendToFullDay needs at least one knot')
  const near = (minute: number) =>
    sorted.reduce((best, k) => (Math.abs(k.minute - minute) < Math.abs(best.minute - minute) ? k : best))
      .value
  const extra = [
    { minute: 19 * 60, value: near(18 * 60) },
    { minute: 20 * 60 + 30, value: near(13 * 60) },
    { minute: 22 * 60 + 30, value: near(5 * 60 + 25) },
  ].filter((k) => k.minute > last.minute + STEP_MIN)
  return [...sorted, ...extra]
}

/** Samples a day of knots every 5 minutes, interpolating linearly and across midnight. */
export function sampleDay(knots: readonly Knot[]): Float32Array {
  const sorted = [...knots].sort((a, b) => a.minute - b.minute)
  const first = sorted[0]
  const last = sorted.at(-1)
  if (!first || !last) throw new Error('sampleDay needs at least one knot')
  const wrapped = [
    { minute: last.minute - DAY_MIN, value: last.value },
    ...sorted,
    { minute: first.minute + DAY_MIN, value: first.value },
  ]
  const out = new Float32Array(STEPS_PER_DAY)
  let k = 0
  for (let s = 0; s < STEPS_PER_DAY; s++) {
    const m = s * STEP_MIN
    while ((wrapped[k + 1] as Knot).minute < m) k++
    const a = wrapped[k] as Knot
    const b = wrapped[k + 1] as Knot
    const f = b.minute === a.minute ? 0 : (m - a.minute) / (b.minute - a.minute)
    out[s] = a.value + (b.value - a.value) * f
  }
  return out
}

/** The value of a sampled day at a fractional minute of day, interpolating between 5-minute samples. */
export function valueAt(day: Float32Array, minuteOfDay: number): number {
  const x = minuteOfDay / STEP_MIN
  const i = Math.floor(x)
  const a = day[i % STEPS_PER_DAY] as number
  const f = x - i
  if (f === 0) return a
  return a + ((day[(i + 1) % STEPS_PER_DAY] as number) - a) * f
}

/**
 * Weekend traffic carries half the weekday congestion (an assumption: no weekend was measured), i.e. the
 * speed moves halfway from the weekday value back to the night-time (least congested) speed.
 */
export function weekendDay(weekday: Float32Array): Float32Array {
  const night = weekday.reduce((m, v) => Math.max(m, v), 0)
  return weekday.map((v) => v + (night - v) * 0.5)
}
