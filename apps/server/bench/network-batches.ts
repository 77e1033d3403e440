import type { Network, Observation } from '@ioc/domain'

/** Readings start 20 days back: inside the ingest horizon, and every series an hour of its own. */
const T0 = Date.now() - 20 * 24 * 3600_000

/**
 * Batch n of a series, `size` readings of the real network: 95% traffic over the segments, 5% gauge
 * levels, every row at its own time (so none is a duplicate of another batch's).
 */
export function networkBatch(network: Network, series: number, n: number, size: number): Observation[] {
  const gauges = network.stations.filter((s) => s.kind !== 'street-flood-sensor')
  return Array.from({ length: size }, (_, i) => {
    const at = new Date(T0 + series * 3600_000 + (n * size + i) * 10).toISOString()
    return i % 20 === 19
      ? {
          type: 'water',
          stationId: gauges[i % gauges.length]?.id as string,
          observedAt: at,
          value: 1 + (i % 50) / 100,
          source: 'bench',
        }
      : {
          type: 'traffic',
          segmentId: network.segments[(n * size + i) % network.segments.length]?.id as string,
          observedAt: at,
          speedKph: 5 + (i % 60),
          source: 'bench',
        }
  })
}

export const ndjson = (obs: readonly Observation[]) => `${obs.map((o) => JSON.stringify(o)).join('\n')}\n`
