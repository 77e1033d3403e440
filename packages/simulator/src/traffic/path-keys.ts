/** A path of network segments in travel order; `against[k]`: segment k is run against its drawing. */
export interface SegmentPath {
  segmentIds: readonly string[]
  against?: readonly boolean[]
}

/**
 * The calibration's key of each segment of a path in travel order: its id, or `<id>~rev` where the path
 * runs a two-way segment against its drawing (OSM from-node → to-node, the order of the nodes in the
 * id). The two directions of a two-way street are one network segment but two streams of traffic, and
 * one speed for both cannot fit either (16 measured runs of a one-segment path counted as drawn, against
 * their real direction, cost the left-out-time median 0.4 points). The direction is the path's own
 * `against` if it has one, else found from the node a segment shares with its neighbour in the path;
 * a one-segment path without `against` counts as drawn.
 */
export function directedKeys(path: SegmentPath, oneway: (segmentId: string) => boolean): string[] {
  const { segmentIds } = path
  return segmentIds.map((id, k) => {
    if (oneway(id)) return id
    const given = path.against?.[k]
    if (given !== undefined) return given ? `${id}${REVERSED}` : id
    const [from, to] = ends(id)
    const next = segmentIds[k + 1]
    const prev = segmentIds[k - 1]
    let reversed = false
    if (next !== undefined) {
      const n = ends(next)
      reversed = !n.includes(to) && n.includes(from)
    } else if (prev !== undefined) {
      const p = ends(prev)
      reversed = !p.includes(from) && p.includes(to)
    }
    return reversed ? `${id}${REVERSED}` : id
  })
}

export const REVERSED = '~rev'

/** The segment id a key stands for. */
export function segmentOfKey(key: string): string {
  return key.endsWith(REVERSED) ? key.slice(0, -REVERSED.length) : key
}

/**
 * Whether each segment of a path is run against its drawing: from the nodes it shares with its
 * neighbours, and for a one-segment path from which of its two ends lies nearer the path's start.
 */
export function againstDrawing(
  segmentIds: readonly string[],
  start: readonly [number, number],
  endsLonLat: (segmentId: string) => readonly [readonly number[], readonly number[]],
): boolean[] {
  const only = segmentIds.length === 1 ? segmentIds[0] : undefined
  if (only !== undefined) {
    const [first, last] = endsLonLat(only)
    return [distance2(last, start) < distance2(first, start)]
  }
  return directedKeys({ segmentIds }, () => false).map((key) => key.endsWith(REVERSED))
}

function distance2(a: readonly number[], b: readonly number[]): number {
  return ((a[0] ?? 0) - (b[0] ?? 0)) ** 2 + ((a[1] ?? 0) - (b[1] ?? 0)) ** 2
}

/** `seg-<from>-<to>[-w<way>]`: the OSM nodes at its two ends, in drawing order. */
function ends(segmentId: string): [string, string] {
  const parts = segmentId.split('-')
  return [parts[1] ?? '', parts[2] ?? '']
}
