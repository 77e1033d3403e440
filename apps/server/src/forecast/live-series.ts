import type { Network, Observation } from '@ioc/domain'
import { createSeriesStore, type SeriesHistory } from '@ioc/forecast'
import type { Store } from '../store/store'

const HOUR_MS = 3_600_000
/** A gauge transfer is fitted to a week of readings, plus a day so the window is full at every refit. */
const WATER_KEEP_MS = 8 * 24 * HOUR_MS
/** Traffic forecasts read the last 10 min, street floods the last 30 min: an hour is plenty. */
const TRAFFIC_KEEP_MS = HOUR_MS

/**
 * The store's recent readings in memory, as the `SeriesHistory` the pure forecasts read (the store is
 * async, the forecasts are not). Filled on first use (the gauges' last 8 days, everything's last hour)
 * and then advanced to each forecast time; older readings are dropped so memory stays bounded.
 */
export interface LiveSeries extends SeriesHistory {
  /** Reads the readings up to `nowMs` not yet read and returns them in time order. */
  advance(nowMs: number): Promise<Observation[]>
  /** Segments with a reading in the kept hour. */
  trafficSubjects(): string[]
}

export function createLiveSeries(store: Store, network: Network): LiveSeries {
  const water = createSeriesStore()
  const traffic = createSeriesStore()
  const lastTraffic = new Map<string, number>()
  const gauges = network.stations.filter((s) => s.kind !== 'street-flood-sensor')
  let cursorMs: number | undefined

  async function loadGauges(nowMs: number): Promise<void> {
    for (const g of gauges) {
      const h = await store.history({
        type: 'water',
        subjectId: g.id,
        fromMs: nowMs - WATER_KEEP_MS,
        toMs: nowMs - HOUR_MS,
        maxPoints: 10_000,
      })
      for (const p of h.points) water.append(g.id, p.observedAt, p.value)
    }
  }

  return {
    range(subjectId, fromMs, toMs) {
      const w = water.range(subjectId, fromMs, toMs)
      return w.length ? w : traffic.range(subjectId, fromMs, toMs)
    },

    async advance(nowMs) {
      if (cursorMs === undefined) {
        await loadGauges(nowMs)
        cursorMs = nowMs - HOUR_MS
      }
      const fresh: Observation[] = []
      for await (const page of store.observationsInRange(cursorMs, nowMs + 1)) {
        for (const o of page) {
          const atMs = Date.parse(o.observedAt)
          // A second source for the same subject and time is the same moment: keep the first.
          const appended =
            o.type === 'water'
              ? water.append(o.stationId, atMs, o.value)
              : traffic.append(o.segmentId, atMs, o.speedKph)
          if (!appended) continue
          if (o.type === 'traffic') lastTraffic.set(o.segmentId, atMs)
          fresh.push(o)
        }
      }
      cursorMs = Math.max(cursorMs, nowMs + 1)
      water.dropBefore(nowMs - WATER_KEEP_MS)
      traffic.dropBefore(nowMs - TRAFFIC_KEEP_MS)
      for (const [id, atMs] of lastTraffic) if (atMs < nowMs - TRAFFIC_KEEP_MS) lastTraffic.delete(id)
      return fresh
    },

    trafficSubjects: () => [...lastTraffic.keys()],
  }
}
