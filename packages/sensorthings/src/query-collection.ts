import { compareValues, evaluate } from './evaluate-expression'
import type { Reading, SeriesRef, StaGraph } from './network-entities'
import {
  type ObservationBounds,
  type ObservationOrder,
  observationOrder,
  splitObservationFilter,
} from './observation-bounds'
import { type Expr, ExprError, type OptionError } from './odata-expression'
import type { QueryOptions } from './query-options'
import type { Entity } from './sta-model'

/** What a store answers for Observations: the readings of some series within bounds, sorted and paged. */
export interface ReadingsQuery {
  /** null: every series. */
  series: readonly SeriesRef[] | null
  bounds: Omit<ObservationBounds, 'datastreamIds'>
  /** Ties are broken by time, series and source, the same in every store. */
  order: ObservationOrder
  offset: number
  limit: number
}

export interface ObservationSource {
  readings(q: ReadingsQuery): Promise<Reading[]>
  countReadings(q: Omit<ReadingsQuery, 'order' | 'offset' | 'limit'>): Promise<number>
}

/** The members of a collection: in memory (the network's entities) or series in the store. */
export type CollectionSource = { entities: readonly Entity[] } | { series: readonly SeriesRef[] | null }

export interface Page {
  items: Entity[]
  count: number | null
  /** More items follow the page: the answer carries `@iot.nextLink`. */
  more: boolean
}

export interface Limits {
  /** Page size when the client gives no `$top` (FROST's default). */
  defaultTop: number
  /** Largest page; a larger `$top` is cut to it and paged with nextLink (18-088 §9.3.3.3). */
  maxTop: number
  /** Most stored rows one request examines for a filter the store cannot answer from its indexes. */
  maxScan: number
  /** Most expanded Observations collections in one answer, each a store query (`$expand=Datastreams/Observations` on 1,000 Things is 3,000). */
  maxExpandedQueries: number
  /**
   * Widest phenomenonTime range, ms, over which Observations of every Datastream may be counted or
   * ordered by result: no index serves those, so the database reads every reading in the range.
   */
  maxUnindexedSpanMs: number
}

export const DEFAULT_LIMITS: Limits = {
  defaultTop: 100,
  maxTop: 1000,
  maxScan: 200_000,
  maxExpandedQueries: 500,
  maxUnindexedSpanMs: 24 * 3_600_000,
}

export class QueryError extends Error {
  constructor(readonly error: OptionError) {
    super(error.message)
  }
}

/**
 * One page of a collection under the options, evaluated in the order 18-088 §9.3.2 gives:
 * $filter, $count, $orderby, $skip, $top (expansion and selection are the caller's).
 */
export async function queryCollection(
  graph: StaGraph,
  observations: ObservationSource,
  source: CollectionSource,
  o: QueryOptions,
  limits: Limits,
  nowMs: number,
): Promise<Page> {
  const top = Math.min(o.top ?? limits.defaultTop, limits.maxTop)
  if ('entities' in source) return pageInMemory(graph, source.entities, o, top, nowMs)
  return pageObservations(graph, observations, source.series, o, top, limits, nowMs)
}

function matches(graph: StaGraph, filter: Expr | null, e: Entity, nowMs: number): boolean {
  if (!filter) return true
  try {
    return evaluate(filter, e, graph.follow, nowMs) === true
  } catch (err) {
    if (err instanceof ExprError) throw new QueryError(err.error)
    throw err
  }
}

function pageInMemory(
  graph: StaGraph,
  all: readonly Entity[],
  o: QueryOptions,
  top: number,
  nowMs: number,
): Page {
  const kept = all.filter((e) => matches(graph, o.filter, e, nowMs))
  if (o.orderBy.length) {
    const keyed = kept.map((e, i) => ({
      e,
      i,
      keys: o.orderBy.map((k) => {
        try {
          return evaluate(k.expr, e, graph.follow, nowMs)
        } catch (err) {
          if (err instanceof ExprError) throw new QueryError(err.error)
          throw err
        }
      }),
    }))
    keyed.sort((a, b) => {
      for (let k = 0; k < o.orderBy.length; k++) {
        const c = compareValues(a.keys[k] ?? null, b.keys[k] ?? null)
        if (c) return (o.orderBy[k] as { desc: boolean }).desc ? -c : c
      }
      return a.i - b.i
    })
    kept.splice(0, kept.length, ...keyed.map((k) => k.e))
  }
  return {
    items: kept.slice(o.skip, o.skip + top),
    count: o.count ? kept.length : null,
    more: kept.length > o.skip + top,
  }
}

async function pageObservations(
  graph: StaGraph,
  store: ObservationSource,
  navSeries: readonly SeriesRef[] | null,
  o: QueryOptions,
  top: number,
  limits: Limits,
  nowMs: number,
): Promise<Page> {
  const { bounds, residual } = splitObservationFilter(o.filter)
  const order = observationOrder(o.orderBy)
  if (!order.ok) throw new QueryError(order.error)
  let series = navSeries
  if (bounds.datastreamIds) {
    const asked = bounds.datastreamIds.map((id) => graph.seriesOf(id)).filter((s) => s !== undefined)
    series = series ? series.filter((s) => asked.some((a) => sameSeries(a, s))) : asked
  }
  if (series?.length === 0) return { items: [], count: o.count ? 0 : null, more: false }
  if (!series) guardEveryDatastream(bounds, order.value, o, limits)
  const { datastreamIds: _, ...storeBounds } = bounds
  const base = { series, bounds: storeBounds }

  if (!residual) {
    const rows = await store.readings({ ...base, order: order.value, offset: o.skip, limit: top + 1 })
    return {
      items: rows.slice(0, top).map(graph.observation),
      count: o.count ? await store.countReadings(base) : null,
      more: rows.length > top,
    }
  }

  // The store narrows by the bounds; the rest of the filter is evaluated here, in bounded chunks.
  const items: Entity[] = []
  let matched = 0
  let scanned = 0
  const chunk = 2000
  for (;;) {
    const rows = await store.readings({ ...base, order: order.value, offset: scanned, limit: chunk })
    scanned += rows.length
    for (const r of rows) {
      const e = graph.observation(r)
      if (!matches(graph, residual, e, nowMs)) continue
      if (matched >= o.skip && items.length <= top) items.push(e)
      matched++
    }
    const done = rows.length < chunk || (!o.count && items.length > top)
    if (done) break
    if (scanned >= limits.maxScan)
      throw new QueryError({
        kind: 'invalid',
        message: `the filter needs more than ${limits.maxScan} stored observations examined; narrow it with phenomenonTime, result or Datastream/@iot.id bounds`,
      })
  }
  return { items: items.slice(0, top), count: o.count ? matched : null, more: items.length > top }
}

/**
 * A query over the Observations of every Datastream is answered by walking time in the database; what
 * cannot be (a count, an order by result, a deep $skip) must stay within bounds an anonymous client
 * cannot turn into a scan of every stored reading.
 */
function guardEveryDatastream(
  b: ObservationBounds,
  order: ObservationOrder,
  o: QueryOptions,
  limits: Limits,
) {
  const span = b.fromMs !== null && b.toMs !== null ? b.toMs - b.fromMs : Number.POSITIVE_INFINITY
  const what = o.count ? '$count' : order[0]?.by === 'result' ? '$orderby=result' : null
  const hours = limits.maxUnindexedSpanMs / 3_600_000
  if (what && span > limits.maxUnindexedSpanMs)
    throw new QueryError({
      kind: 'invalid',
      message: `${what} over the Observations of every Datastream needs a phenomenonTime range of at most ${hours} h, or one Datastream (/Datastreams('…')/Observations)`,
    })
  if (o.skip > limits.maxScan)
    throw new QueryError({
      kind: 'invalid',
      message: `$skip past ${limits.maxScan} over the Observations of every Datastream; page with a phenomenonTime range instead`,
    })
}

const sameSeries = (a: SeriesRef, b: SeriesRef) =>
  a.type === b.type && a.subjectId === b.subjectId && a.field === b.field
