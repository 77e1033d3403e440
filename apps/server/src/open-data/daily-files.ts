import { localDay as hcmcDay, localTimeMs, type Observation } from '@ioc/domain'
import type { Entity, Reading, StaGraph } from '@ioc/sensorthings'
import type { Store } from '../store/store'

/** Every published file says so first: the road network and its names come from OpenStreetMap. */
export const LICENCE = {
  id: 'ODbL-1.0',
  url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  attribution:
    'HCMC Intelligent Operations Center open data. Road segments, their names and flood point positions © OpenStreetMap contributors, ODbL 1.0.',
} as const

const DAY_MS = 24 * 3_600_000

/** The day `2025-11-06` in Ho Chi Minh City (UTC+7, no daylight saving): epoch ms, from inclusive, to exclusive. */
export function localDay(date: string): { fromMs: number; toMs: number } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null
  const fromMs = localTimeMs(date, '00:00')
  if (Number.isNaN(fromMs) || hcmcDay(fromMs) !== date) return null
  return { fromMs, toMs: fromMs + DAY_MS }
}

/** An observation as the readings it holds: a traffic observation has up to three. */
function readingsOf(o: Observation): Reading[] {
  const observedAtMs = Date.parse(o.observedAt)
  const base = { observedAtMs, source: o.source }
  if (o.type === 'water')
    return [{ ...base, type: 'water', subjectId: o.stationId, field: 'level', value: o.value }]
  const out: Reading[] = [
    { ...base, type: 'traffic', subjectId: o.segmentId, field: 'speed', value: o.speedKph },
  ]
  if (o.flowVph !== undefined)
    out.push({ ...base, type: 'traffic', subjectId: o.segmentId, field: 'flow', value: o.flowVph })
  if (o.occupancyPct !== undefined)
    out.push({ ...base, type: 'traffic', subjectId: o.segmentId, field: 'occupancy', value: o.occupancyPct })
  return out
}

const csvField = (v: string | number) => {
  const s = String(v)
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/**
 * The day's readings as CSV, in time order, one row per reading, ids as the SensorThings API names
 * them. The first line, a `#` comment, is the licence (readers: `comment='#'` in pandas, `-c '#'` …).
 */
export async function* dailyCsv(
  store: Store,
  graph: StaGraph,
  date: string,
  day: { fromMs: number; toMs: number },
) {
  yield `# ${LICENCE.attribution} Licence: ${LICENCE.url} · observations of ${date}, 00:00–24:00 +07:00\n`
  yield 'phenomenon_time,datastream_id,thing_id,observed_property,result,unit,source\n'
  for await (const page of store.observationsInRange(day.fromMs, day.toMs)) {
    let chunk = ''
    for (const o of page)
      for (const r of readingsOf(o)) {
        const obs = graph.observation(r)
        const ds = graph.get('Datastreams', obs.one.Datastream as string)
        chunk += `${[
          obs.props.phenomenonTime as string,
          ds?.id ?? '',
          ds?.one.Thing ?? '',
          ds?.one.ObservedProperty ?? '',
          r.value,
          (ds?.props.unitOfMeasurement as { symbol: string } | undefined)?.symbol ?? '',
          r.source,
        ]
          .map(csvField)
          .join(',')}\n`
      }
    yield chunk
  }
}

/** Things read per query for the GeoJSON file: one query each cost ~1 ms even on a day without data. */
const THINGS_PER_QUERY = 100

/**
 * The day as a GeoJSON FeatureCollection: one Feature per Thing that observed something, its geometry
 * once, with every Datastream's readings as `[time, result, source]` in time order. Read a hundred
 * Things at a time, so memory holds at most their day.
 */
export async function* dailyGeoJson(
  store: Store,
  graph: StaGraph,
  date: string,
  day: { fromMs: number; toMs: number },
) {
  yield `{"type":"FeatureCollection","name":${JSON.stringify(`hcmc-ioc-observations-${date}`)},"license":${JSON.stringify(LICENCE.id)},"licenseUrl":${JSON.stringify(LICENCE.url)},"attribution":${JSON.stringify(LICENCE.attribution)},"features":[`
  let first = true
  const things = graph.entities.Things
  for (let i = 0; i < things.length; i += THINGS_PER_QUERY) {
    for (const feature of await thingFeatures(store, graph, things.slice(i, i + THINGS_PER_QUERY), day)) {
      yield `${first ? '' : ','}\n${JSON.stringify(feature)}`
      first = false
    }
  }
  yield '\n]}\n'
}

type Readings = Record<string, { unit: string; readings: [string, number, string][] }>

async function thingFeatures(
  store: Store,
  graph: StaGraph,
  things: readonly Entity[],
  day: { fromMs: number; toMs: number },
) {
  const series = things.flatMap((thing) => {
    const many = graph.many(thing, 'Datastreams')
    return ('entities' in many ? many.entities : [])
      .map((d) => graph.seriesOf(d.id))
      .filter((s) => s !== undefined)
  })
  if (!series.length) return []
  const rows = await store.readings({
    series,
    bounds: { fromMs: day.fromMs, toMs: day.toMs, min: null, max: null },
    order: [],
    offset: 0,
    limit: Number.MAX_SAFE_INTEGER,
  })
  const byThing = new Map<string, Readings>()
  for (const r of rows) {
    const obs = graph.observation(r)
    const id = obs.one.Datastream as string
    const ds = graph.get('Datastreams', id)
    const thing = ds?.one.Thing as string
    const readings = byThing.get(thing) ?? {}
    const unit = (ds?.props.unitOfMeasurement as { symbol: string } | undefined)?.symbol ?? ''
    const entry = readings[id] ?? { unit, readings: [] }
    entry.readings.push([obs.props.phenomenonTime as string, r.value, r.source])
    readings[id] = entry
    byThing.set(thing, readings)
  }
  return things
    .filter((t) => byThing.has(t.id))
    .map((thing) => ({
      type: 'Feature',
      id: thing.id,
      geometry: graph.get('Locations', thing.id)?.props.location ?? null,
      properties: {
        name: thing.props.name,
        ...(thing.props.properties as object),
        datastreams: byThing.get(thing.id),
      },
    }))
}
