import type { Network, Observation } from '@ioc/domain'

/** Readings start 20 days back: inside the ingest horizon, and every series an hour of its own. */
const T0 = Date.now() - 20 * 24 * 3600_000

/**
 * Series of one network; each has subjects of its own, as each real feed has its own segments and
 * gauges, so feeds sent side by side give the rules engine the same readings in the same order per
 * subject however their batches interleave, and the same alerts.
 */
const SERIES = 8

/**
 * Batch n of series `series` (0–7), `size` readings of the real network: 95% traffic over the
 * series' segments, 5% levels of its gauges (the network has fewer gauges than series: a series
 * without one sends traffic only), every row at its own time (so none is a duplicate of another
 * batch's).
 */
export function networkBatch(network: Network, series: number, n: number, size: number): Observation[] {
  if (!(series >= 0 && series < SERIES))
    throw new Error(`series ${series}: there are ${SERIES}, 0–${SERIES - 1}`)
  const own = <T>(_: T, i: number) => i % SERIES === series
  const gauges = network.stations.filter((s) => s.kind !== 'street-flood-sensor').filter(own)
  const segments = network.segments.filter(own)
  return Array.from({ length: size }, (_, i) => {
    const at = new Date(T0 + series * 3600_000 + (n * size + i) * 10).toISOString()
    return i % 20 === 19 && gauges.length
      ? {
          type: 'water',
          stationId: gauges[i % gauges.length]?.id as string,
          observedAt: at,
          value: 1 + (i % 50) / 100,
          source: 'bench',
        }
      : {
          type: 'traffic',
          segmentId: segments[(n * size + i) % segments.length]?.id as string,
          observedAt: at,
          speedKph: 5 + (i % 60),
          source: 'bench',
        }
  })
}

export const ndjson = (obs: readonly Observation[]) => `${obs.map((o) => JSON.stringify(o)).join('\n')}\n`
