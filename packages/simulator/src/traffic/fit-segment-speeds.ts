/** One measured travel speed over a path of road segments (a Google Directions route drawn on OSM). */
export interface PathSpeed {
  segmentIds: readonly string[]
  speedKph: number
}

const MIN_KPH = 2
const MAX_KPH = 120
const ITERATIONS = 200

/**
 * Per-segment speeds whose path travel speeds (path length / Σ segment length ÷ speed) match the measured
 * path speeds. Overlapping paths disagree (one OSM segment lies on up to six measured routes, and both
 * directions of a two-way street share their segments), so this is a least-squares compromise found with
 * SIRT, the simultaneous iterative reconstruction of tomography (Gilbert 1972): each pass scales every
 * segment's pace by the length-weighted mean of (measured / simulated) travel time over its paths.
 */
export function fitSegmentSpeeds(
  paths: readonly PathSpeed[],
  lengthM: (segmentId: string) => number,
): Map<string, number> {
  const index = new Map<string, number>()
  for (const p of paths) for (const id of p.segmentIds) if (!index.has(id)) index.set(id, index.size)
  const pace = new Float64Array(index.size) // hours per km, i.e. 1 / speed
  const seed = new Float64Array(index.size)
  const seen = new Float64Array(index.size)
  const rows = paths.map((p) => {
    const ids = p.segmentIds.map((id) => index.get(id) as number)
    const lengths = p.segmentIds.map(lengthM)
    const total = lengths.reduce((s, l) => s + l, 0)
    for (const i of ids) {
      seed[i] = (seed[i] as number) + 1 / p.speedKph
      seen[i] = (seen[i] as number) + 1
    }
    return { ids, lengths, total, measuredH: total / p.speedKph }
  })
  for (let i = 0; i < pace.length; i++) pace[i] = (seed[i] as number) / (seen[i] as number)

  const num = new Float64Array(index.size)
  const den = new Float64Array(index.size)
  for (let it = 0; it < ITERATIONS; it++) {
    num.fill(0)
    den.fill(0)
    for (const r of rows) {
      let simulatedH = 0
      for (let k = 0; k < r.ids.length; k++)
        simulatedH += (r.lengths[k] as number) * (pace[r.ids[k] as number] as number)
      const ratio = r.measuredH / simulatedH
      for (let k = 0; k < r.ids.length; k++) {
        const i = r.ids[k] as number
        const w = (r.lengths[k] as number) / r.total
        num[i] = (num[i] as number) + w * ratio
        den[i] = (den[i] as number) + w
      }
    }
    for (let i = 0; i < pace.length; i++) {
      const next = (pace[i] as number) * ((num[i] as number) / (den[i] as number))
      pace[i] = Math.min(1 / MIN_KPH, Math.max(1 / MAX_KPH, next))
    }
  }
  const speeds = new Map<string, number>()
  for (const [id, i] of index) speeds.set(id, 1 / (pace[i] as number))
  return speeds
}

/** Travel speed over a path given per-segment speeds: total length over total time. */
export function pathSpeedKph(
  segmentIds: readonly string[],
  lengthM: (segmentId: string) => number,
  speedKph: (segmentId: string) => number,
): number {
  let length = 0
  let hours = 0
  for (const id of segmentIds) {
    const l = lengthM(id)
    length += l
    hours += l / speedKph(id)
  }
  return length / hours
}
