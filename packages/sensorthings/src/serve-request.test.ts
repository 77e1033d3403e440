import { loadNetwork } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import { buildStaGraph, type Reading } from './network-entities'
import { DEFAULT_LIMITS, type ObservationSource, type ReadingsQuery } from './query-collection'
import { type StaAnswer, serveRequest } from './serve-request'

const graph = buildStaGraph(loadNetwork())
const T0 = Date.parse('2025-11-06T00:00:00+07:00')
const MIN = 60_000

/** Phú An every 10 minutes on 6 Nov (a tide-like curve), and one segment's speed and flow. */
const readings: Reading[] = [
  ...Array.from({ length: 144 }, (_, i) => ({
    type: 'water' as const,
    subjectId: 'phu-an',
    field: 'level' as const,
    observedAtMs: T0 + i * 10 * MIN,
    source: 'sim',
    value: Math.round(100 * (0.2 + 1.5 * Math.sin((i / 144) * 4 * Math.PI))) / 100,
  })),
  ...(['speed', 'flow'] as const).map((field) => ({
    type: 'traffic' as const,
    subjectId: graph.entities.Things.find((t) => t.id.startsWith('seg-'))?.id as string,
    field,
    observedAtMs: T0,
    source: 'tomtom',
    value: field === 'speed' ? 23 : 900,
  })),
]

/** The semantics every store must show for ReadingsQuery, on an array. */
function inMemory(rows: readonly Reading[]): ObservationSource & { queries: ReadingsQuery[] } {
  const queries: ReadingsQuery[] = []
  const select = (q: Omit<ReadingsQuery, 'order' | 'offset' | 'limit'>) =>
    rows.filter((r) => {
      const { fromMs, toMs, min, max } = q.bounds
      if (
        q.series &&
        !q.series.some((s) => s.type === r.type && s.subjectId === r.subjectId && s.field === r.field)
      )
        return false
      if (fromMs !== null && r.observedAtMs < fromMs) return false
      if (toMs !== null && r.observedAtMs >= toMs) return false
      if (min && (min.inclusive ? r.value < min.value : r.value <= min.value)) return false
      if (max && (max.inclusive ? r.value > max.value : r.value >= max.value)) return false
      return true
    })
  return {
    queries,
    async readings(q) {
      queries.push(q)
      const out = select(q).sort((a, b) => {
        for (const o of q.order) {
          const c = o.by === 'time' ? a.observedAtMs - b.observedAtMs : a.value - b.value
          if (c) return o.desc ? -c : c
        }
        return a.observedAtMs - b.observedAtMs
      })
      return out.slice(q.offset, q.offset + q.limit)
    },
    async countReadings(q) {
      return select(q).length
    },
  }
}

const BASE = 'http://example.test/sta/v1.1'
async function get(path: string, query: Record<string, string> = {}, source = inMemory(readings)) {
  const a = await serveRequest(
    { graph, observations: source, limits: DEFAULT_LIMITS },
    {
      baseUrl: BASE,
      path,
      query,
      nowMs: Date.parse('2026-01-01T00:00:00Z'),
    },
  )
  return a as StaAnswer & { json: Record<string, unknown> & { value: Record<string, unknown>[] } }
}

describe('resource paths', () => {
  test('the service root lists the eight entity sets and the conformance classes', async () => {
    const a = await get('')
    expect(a.json.value.map((v) => v.name)).toHaveLength(8)
    expect(a.json.value[0]).toEqual({ name: 'Things', url: `${BASE}/Things` })
    expect((a.json.serverSettings as { conformance: string[] }).conformance).toContain(
      'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
    )
  })

  test('an entity, its property, the raw value and a navigation', async () => {
    const thing = (await get("/Things('phu-an')")).json
    expect(thing).toMatchObject({
      '@iot.id': 'phu-an',
      '@iot.selfLink': `${BASE}/Things('phu-an')`,
      name: 'Phú An',
      'Datastreams@iot.navigationLink': `${BASE}/Things('phu-an')/Datastreams`,
    })
    expect((await get("/Things('phu-an')/name")).json).toEqual({ name: 'Phú An' })
    expect(await get("/Things('phu-an')/name/$value")).toEqual({ status: 200, text: 'Phú An' })
    const ds = (await get("/Things('phu-an')/Datastreams")).json.value
    expect(ds.map((d) => d['@iot.id'])).toEqual(['phu-an:water-level'])
    expect((await get("/Datastreams('phu-an:water-level')/Thing/Locations")).json.value[0]).toMatchObject({
      location: { type: 'Point' },
    })
  })

  test('unknown sets, ids and properties are 404; a bad key is 400', async () => {
    expect((await get('/Robots')).status).toBe(404)
    expect((await get("/Things('nowhere')")).status).toBe(404)
    expect((await get("/Things('phu-an')/colour")).status).toBe(404)
    expect((await get('/Things(phu-an)')).status).toBe(400)
  })

  test('$ref lists self links only', async () => {
    const a = await get("/Datastreams('phu-an:water-level')/Observations/$ref", { $top: '2' })
    expect(a.json.value).toEqual([
      { '@iot.selfLink': `${BASE}/Observations('phu-an:water-level:${T0}:sim')` },
      { '@iot.selfLink': `${BASE}/Observations('phu-an:water-level:${T0 + 10 * MIN}:sim')` },
    ])
  })

  test('an Observation is addressable by its self link, and leads to its Datastream', async () => {
    const id = `phu-an:water-level:${T0 + 10 * MIN}:sim`
    const o = (await get(`/Observations('${encodeURIComponent(id)}')`)).json
    expect(o).toMatchObject({ '@iot.id': id, phenomenonTime: new Date(T0 + 10 * MIN).toISOString() })
    expect((await get(`/Observations('${id}')/Datastream`)).json['@iot.id']).toBe('phu-an:water-level')
    expect((await get(`/Observations('phu-an:water-level:${T0 + 1}:sim')`)).status).toBe(404)
  })
})

describe('query options', () => {
  test('Things by name with their Datastreams expanded', async () => {
    const a = await get('/Things', { $filter: "name eq 'Phú An'", $expand: 'Datastreams' })
    expect(a.json.value).toHaveLength(1)
    const ds = a.json.value[0]?.Datastreams as Record<string, unknown>[]
    expect(ds[0]).toMatchObject({ '@iot.id': 'phu-an:water-level', unitOfMeasurement: { symbol: 'm' } })
  })

  test('a time range and a page size go to the store; nextLink pages through the rest', async () => {
    const source = inMemory(readings)
    const query = {
      $filter: 'phenomenonTime ge 2025-11-06T12:00:00+07:00 and phenomenonTime lt 2025-11-06T13:00:00+07:00',
      $orderby: 'phenomenonTime desc',
      $top: '4',
      $count: 'true',
    }
    const a = await get("/Datastreams('phu-an:water-level')/Observations", query, source)
    expect(a.json['@iot.count']).toBe(6)
    expect(a.json.value.map((o) => o.phenomenonTime)).toEqual(
      [50, 40, 30, 20].map((m) => new Date(T0 + 12 * 60 * MIN + m * MIN).toISOString()),
    )
    expect(source.queries[0]).toMatchObject({
      bounds: { fromMs: T0 + 12 * 60 * MIN, toMs: T0 + 13 * 60 * MIN },
      order: [{ by: 'time', desc: true }],
      offset: 0,
      limit: 5,
    })
    const next = new URL(a.json['@iot.nextLink'] as string)
    expect(next.searchParams.get('$skip')).toBe('4')
    const rest = await get(
      next.pathname.replace('/sta/v1.1', ''),
      Object.fromEntries(next.searchParams),
      source,
    )
    expect(rest.json.value).toHaveLength(2)
    expect(rest.json['@iot.nextLink']).toBeUndefined()
  })

  test('a filter the store cannot answer is evaluated on each row', async () => {
    const a = await get("/Datastreams('phu-an:water-level')/Observations", {
      $filter: 'result gt 1.6 and hour(phenomenonTime) lt 12',
      $count: 'true',
    })
    const values = a.json.value.map((o) => o.result as number)
    expect(values.length).toBeGreaterThan(0)
    expect(values.every((v) => v > 1.6)).toBe(true)
    expect(a.json.value.every((o) => new Date(o.phenomenonTime as string).getUTCHours() < 12)).toBe(true)
    expect(a.json['@iot.count']).toBe(values.length)
  })

  test('$select keeps the listed properties; $expand=Datastream embeds it', async () => {
    const a = await get('/Observations', {
      $select: 'result,@iot.id',
      $top: '1',
      $expand: 'Datastream($select=name)',
    })
    expect(a.json.value[0]).toEqual({
      '@iot.id': expect.any(String),
      result: expect.any(Number),
      Datastream: { name: expect.stringMatching(/water level|speed|flow/) },
    })
  })

  test('$skip before $top, stable order, and $top above the limit is capped', async () => {
    const all = (await get('/Things', { $top: '5000' })).json
    expect(all.value).toHaveLength(DEFAULT_LIMITS.maxTop)
    expect(all['@iot.nextLink']).toMatch(/\$top=1000&\$skip=1000$/)
    const skipped = (await get('/Things', { $skip: '2', $top: '2' })).json.value
    expect(skipped.map((t) => t['@iot.id'])).toEqual(all.value.slice(2, 4).map((t) => t['@iot.id']))
  })

  test('$orderby sorts in memory with several keys; nulls first ascending', async () => {
    const a = await get('/Things', {
      $filter: "startswith(@iot.id, 'fp-')",
      $orderby: 'properties/district asc,name desc',
      $top: '69',
    })
    const districts = a.json.value.map((t) => (t.properties as { district: string }).district)
    expect(districts).toEqual([...districts].sort())
  })

  test('bad options are 400, options not served are 501', async () => {
    expect((await get('/Things', { $count: 'yes' })).status).toBe(400)
    expect((await get('/Things', { $top: '-1' })).status).toBe(400)
    expect((await get('/Things', { $filter: 'name eq' })).status).toBe(400)
    expect((await get('/Things', { $bogus: '1' })).status).toBe(400)
    expect((await get('/Things', { $search: 'x' })).status).toBe(501)
    expect((await get('/Things', { $filter: "st_within(location, geography'POINT(1 2)')" })).status).toBe(501)
    expect((await get('/Observations', { $orderby: 'parameters/source' })).status).toBe(501)
    expect((await get('/Things', { $expand: 'Robots' })).status).toBe(400)
    expect((await get('/Observations', { $count: 'true' })).status).toBe(400)
    expect((await get('/Observations', { $orderby: 'result desc' })).status).toBe(400)
    expect((await get('/Observations', { $skip: '300000' })).status).toBe(400)
    const oneDay =
      'phenomenonTime ge 2025-11-06T00:00:00+07:00 and phenomenonTime lt 2025-11-07T00:00:00+07:00'
    expect((await get('/Observations', { $count: 'true', $filter: oneDay })).json['@iot.count']).toBe(
      readings.length,
    )
    const huge = await get('/Things', { $top: '1000', $expand: 'Datastreams/Observations' })
    expect(huge).toMatchObject({
      status: 400,
      message: expect.stringMatching(/more than 500 Observations collections/),
    })
  })
})
