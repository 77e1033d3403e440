import { mulberry32 } from '../random/mulberry32'

/** A crash or breakdown: the segment runs at `factor` of its speed, its neighbours at half that slowdown. */
export interface Incident {
  segmentIndex: number
  fromMs: number
  toMs: number
  factor: number
}

/**
 * Seeded incidents over a time range: `perDay` on average, each 20–90 minutes long and cutting the
 * segment's speed to 25–60 %. Drawn in one fixed order, so the same seed always gives the same list.
 */
export function planIncidents(
  seed: number,
  segmentCount: number,
  fromMs: number,
  toMs: number,
  perDay: number,
): Incident[] {
  if (segmentCount === 0) return []
  const random = mulberry32(seed ^ 0x1dc1de47)
  const count = Math.round((perDay * (toMs - fromMs)) / 86_400_000)
  return Array.from({ length: count }, () => {
    const segmentIndex = Math.floor(random() * segmentCount)
    const startMs = fromMs + Math.floor(random() * ((toMs - fromMs) / 60_000)) * 60_000
    const durationMin = 20 + Math.floor(random() * 71)
    const factor = 0.25 + random() * 0.35
    return { segmentIndex, fromMs: startMs, toMs: startMs + durationMin * 60_000, factor }
  })
}

/** Segments that share an end point with a segment (either direction), by index. */
export function findNeighbours(ends: readonly (readonly [string, string])[]): number[][] {
  const byNode = new Map<string, number[]>()
  ends.forEach(([a, b], i) => {
    for (const node of [a, b]) {
      const list = byNode.get(node)
      if (list) list.push(i)
      else byNode.set(node, [i])
    }
  })
  return ends.map(([a, b], i) => {
    const set = new Set([...(byNode.get(a) ?? []), ...(byNode.get(b) ?? [])])
    set.delete(i)
    return [...set].sort((x, y) => x - y)
  })
}
