import { readFileSync } from 'node:fs'
import type { Observation } from '@ioc/domain'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ndjson, network, startTestServer, type TestServer } from './test-server'

// Conformance of /sta/v1.1 to SensorThings API 1.1 (OGC 18-088), by the classes of its Annex A that a
// read-only service claims: datamodel (every entity type), resource-path and request-data. Each
// entity is checked against the OGC building-block schema of its type (test/standards/sensorthings)
// and against the mandatory properties and relations of 18-088 §8 (15-078 Tables 2–17).

const STANDARDS = new URL('./standards/sensorthings/', import.meta.url)
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats.default(ajv)
const official: Record<string, ValidateFunction> = {}
for (const [set, file] of [
  ['Observations', 'Observation'],
  ['Datastreams', 'Datastream'],
  ['Sensors', 'Sensor'],
  ['FeaturesOfInterest', 'FeatureOfInterest'],
] as const)
  official[set] = ajv.compile(JSON.parse(readFileSync(new URL(`${file}.schema.json`, STANDARDS), 'utf8')))

const str = { type: 'string' }
const uri = { type: 'string', format: 'uri' }
const geometry = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: { type: { enum: ['Point', 'LineString', 'Polygon'] }, coordinates: { type: 'array' } },
}
/** Mandatory properties and navigation links per entity type, as 18-088 §8.2 lists them. */
const MANDATORY: Record<string, { props: Record<string, object>; nav: string[] }> = {
  Things: {
    props: { name: str, description: str },
    nav: ['Locations', 'HistoricalLocations', 'Datastreams'],
  },
  Locations: {
    props: {
      name: str,
      description: str,
      encodingType: { const: 'application/geo+json' },
      location: geometry,
    },
    nav: ['Things', 'HistoricalLocations'],
  },
  Datastreams: {
    props: {
      name: str,
      description: str,
      unitOfMeasurement: {
        type: 'object',
        required: ['name', 'symbol', 'definition'],
        properties: { name: str, symbol: str, definition: uri },
      },
      observationType: uri,
    },
    nav: ['Thing', 'Sensor', 'ObservedProperty', 'Observations'],
  },
  Sensors: { props: { name: str, description: str, encodingType: str, metadata: {} }, nav: ['Datastreams'] },
  ObservedProperties: { props: { name: str, definition: uri, description: str }, nav: ['Datastreams'] },
  Observations: {
    props: {
      phenomenonTime: { type: 'string', format: 'date-time' },
      resultTime: { type: ['string', 'null'], format: 'date-time' },
      result: {},
    },
    nav: ['Datastream', 'FeatureOfInterest'],
  },
  FeaturesOfInterest: {
    props: {
      name: str,
      description: str,
      encodingType: { const: 'application/geo+json' },
      feature: geometry,
    },
    nav: ['Observations'],
  },
}
const mandatory = Object.fromEntries(
  Object.entries(MANDATORY).map(([set, { props, nav }]) => [
    set,
    ajv.compile({
      type: 'object',
      required: [
        '@iot.id',
        '@iot.selfLink',
        ...Object.keys(props),
        ...nav.map((n) => `${n}@iot.navigationLink`),
      ],
      properties: {
        '@iot.id': { type: ['string', 'number'] },
        '@iot.selfLink': uri,
        ...props,
        ...Object.fromEntries(nav.map((n) => [`${n}@iot.navigationLink`, uri])),
      },
    }),
  ]),
)

const T0 = Date.parse('2025-11-06T17:00:00+07:00')
const MIN = 60_000
const segment = network.segments[0]?.id as string
const readings: Observation[] = [
  ...Array.from(
    { length: 12 },
    (_, i): Observation => ({
      type: 'water',
      stationId: 'phu-an',
      observedAt: new Date(T0 + i * 5 * MIN).toISOString(),
      value: 1.5 + i / 50,
      source: 'kttv',
    }),
  ),
  { type: 'water', stationId: 'fs-025', observedAt: new Date(T0).toISOString(), value: 42, source: 'sim' },
  {
    type: 'traffic',
    segmentId: segment,
    observedAt: new Date(T0).toISOString(),
    speedKph: 14,
    flowVph: 1200,
    occupancyPct: 61,
    source: 'tomtom',
  },
]

let s: TestServer
let root: string
beforeAll(async () => {
  s = await startTestServer()
  root = `${s.url}/sta/v1.1`
  expect((await s.ingest(ndjson(readings))).status).toBe(200)
}, 60_000)
afterAll(() => s?.stop())

type Json = Record<string, unknown> & { value: Record<string, unknown>[] }
async function get(
  path: string,
  options: Record<string, string> = {},
): Promise<{ status: number; json: Json }> {
  const q = Object.entries(options)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  const res = await fetch(`${root}${path}${q ? `?${q}` : ''}`)
  const text = await res.text()
  return {
    status: res.status,
    json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  }
}
const errorsOf = (v: ValidateFunction) => ajv.errorsText(v.errors)
const PHU_AN = "/Datastreams('phu-an:water-level')"

describe('conf/datamodel: every entity type, with its mandatory properties and relations', () => {
  test.each(Object.keys(MANDATORY))('%s', async (set) => {
    const filter: Record<string, string> =
      set === 'Things' || set === 'Locations' || set === 'FeaturesOfInterest'
        ? { $filter: `@iot.id eq 'phu-an' or @iot.id eq 'fp-025' or @iot.id eq '${segment}'` }
        : {}
    const { status, json } = await get(`/${set}`, { $top: '20', ...filter })
    expect(status).toBe(200)
    expect(json.value.length).toBeGreaterThan(0)
    for (const entity of json.value) {
      const m = mandatory[set] as ValidateFunction
      expect(m(entity), `${set} ${entity['@iot.id']}: ${errorsOf(m)}`).toBe(true)
      const o = official[set]
      if (o) expect(o(entity), `${set} ${entity['@iot.id']}: ${errorsOf(o)}`).toBe(true)
    }
  })

  test('HistoricalLocations is an entity set, empty: no Thing here has moved', async () => {
    expect((await get('/HistoricalLocations')).json).toEqual({ value: [] })
  })

  test('the official schemas are in effect: they reject a FeatureOfInterest without its feature', async () => {
    const { json } = await get('/FeaturesOfInterest', { $top: '1' })
    const { feature: _, ...broken } = json.value[0] as Record<string, unknown>
    expect(official.FeaturesOfInterest?.(broken)).toBe(false)
  })
})

describe('conf/resource-path/resource-path-to-entities', () => {
  test('1. the service root lists each entity set and the conformance classes', async () => {
    const { json } = await get('')
    expect(json.value.map((v) => v.name)).toEqual([
      'Things',
      'Locations',
      'HistoricalLocations',
      'Datastreams',
      'Sensors',
      'ObservedProperties',
      'Observations',
      'FeaturesOfInterest',
    ])
    for (const v of json.value) expect((await fetch(v.url as string)).status).toBe(200)
    expect((json.serverSettings as { conformance: string[] }).conformance).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel',
        'http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities',
        'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
      ]),
    )
  })

  test('2–3. a collection and an entity; every selfLink and navigationLink resolves', async () => {
    const { json } = await get(PHU_AN)
    expect(json['@iot.id']).toBe('phu-an:water-level')
    for (const [k, v] of Object.entries(json))
      if (k.endsWith('@iot.selfLink') || k.endsWith('@iot.navigationLink'))
        expect((await fetch(v as string)).status, k).toBe(200)
  })

  test('4–5. a property, its raw $value; null gives 204, an unknown property 404', async () => {
    expect((await get(`${PHU_AN}/name`)).json).toEqual({ name: 'Phú An water level' })
    const raw = await fetch(`${root}${PHU_AN}/name/$value`)
    expect(await raw.text()).toBe('Phú An water level')
    expect((await get(`${PHU_AN}/colour`)).status).toBe(404)
    expect((await get("/Things('nowhere')")).status).toBe(404)
  })

  test('6–8. navigation, association links and nested paths', async () => {
    const obs = await get(`${PHU_AN}/Observations`)
    expect(obs.json.value).toHaveLength(12)
    expect((await get(`${PHU_AN}/Thing`)).json.name).toBe('Phú An')
    const refs = await get(`${PHU_AN}/Observations/$ref`, { $top: '2' })
    expect(refs.json.value).toEqual([
      { '@iot.selfLink': expect.stringMatching(/\/Observations\('phu-an:water-level:\d+:kttv'\)$/) },
      { '@iot.selfLink': expect.any(String) },
    ])
    const nested = await get(`${PHU_AN}/Thing/Locations`)
    expect(nested.json.value[0]?.location).toEqual({ type: 'Point', coordinates: [106.7116, 10.7722] })
    const fp = await get("/Things('fp-025')/Datastreams")
    expect(fp.json.value.map((d) => d['@iot.id'])).toEqual(['fs-025:flood-depth'])
  })
})

describe('conf/request-data', () => {
  test('order: $filter, $count, $orderby, $skip, $top', async () => {
    const { json } = await get(`${PHU_AN}/Observations`, {
      $filter: 'result ge 1.6',
      $count: 'true',
      $orderby: 'result desc',
      $skip: '1',
      $top: '2',
    })
    expect(json['@iot.count']).toBe(7)
    expect(json.value.map((o) => o.result)).toEqual([1.5 + 10 / 50, 1.5 + 9 / 50])
  })

  test('$expand and $select, also nested and multi-level', async () => {
    const things = await get('/Things', {
      $filter: "name eq 'Phú An'",
      $select: 'name',
      $expand: 'Datastreams($select=name;$expand=Observations($top=1;$orderby=phenomenonTime desc))',
    })
    const thing = things.json.value[0] as Record<string, unknown>
    expect(Object.keys(thing)).toEqual(['name', 'Datastreams'])
    const ds = (thing.Datastreams as Record<string, unknown>[])[0] as Record<string, unknown>
    expect((ds.Observations as { result: number }[])[0]?.result).toBeCloseTo(1.5 + 11 / 50)
    expect(ds['Observations@iot.nextLink']).toMatch(/\$skip=1/)
    const multi = await get("/Things('phu-an')", { $expand: 'Datastreams/ObservedProperty,Locations' })
    const op = (multi.json.Datastreams as { ObservedProperty: { name: string } }[])[0]?.ObservedProperty
    expect(op?.name).toBe('Water level')
    expect(multi.json.Locations).toHaveLength(1)
    const obs = await get(`${PHU_AN}/Observations`, { $top: '1', $expand: 'Datastream,FeatureOfInterest' })
    expect(obs.json.value[0]).toMatchObject({
      Datastream: { '@iot.id': 'phu-an:water-level' },
      FeatureOfInterest: { '@iot.id': 'phu-an' },
    })
  })

  test('status codes: unknown entity 404, an unsupported option 501, a malformed one 400', async () => {
    expect((await get("/Observations('phu-an:water-level:1:kttv')")).status).toBe(404)
    expect((await get('/Things', { $search: 'Phú' })).status).toBe(501)
    expect(
      (await get('/Things', { $filter: "geo.intersects(location, geography'POINT(1 1)')" })).status,
    ).toBe(501)
    expect((await get('/Things', { $count: 'maybe' })).status).toBe(400)
    expect((await get('/Things', { $top: 'ten' })).status).toBe(400)
  })

  test('$orderby with several keys and both directions', async () => {
    const { json } = await get('/Datastreams', {
      $filter: `Thing/@iot.id eq '${segment}' or @iot.id eq 'phu-an:water-level'`,
      $orderby: 'unitOfMeasurement/symbol asc,name desc',
    })
    expect(json.value.map((d) => (d.unitOfMeasurement as { symbol: string }).symbol)).toEqual([
      '%',
      'km/h',
      'm',
      'veh/h',
    ])
  })

  test('$top, $skip and $count: count honours the filter, not the page', async () => {
    const all = await get('/ObservedProperties', { $count: 'true' })
    const page = await get('/ObservedProperties', { $count: 'true', $skip: '1', $top: '2' })
    expect(page.json['@iot.count']).toBe(all.json['@iot.count'])
    expect(page.json.value.map((p) => p['@iot.id'])).toEqual(
      all.json.value.slice(1, 3).map((p) => p['@iot.id']),
    )
  })

  test('$filter: comparison, logical and arithmetic operators, string, date and math functions', async () => {
    const ids = async (set: string, filter: string) => {
      const { status, json } = await get(`/${set}`, { $filter: filter, $top: '1000' })
      expect(status, `${filter}: ${JSON.stringify(json)}`).toBe(200)
      return json.value.map((e) => e['@iot.id'])
    }
    expect(await ids('Things', "startswith(name, 'Phú') and not (name ne 'Phú An')")).toEqual(['phu-an'])
    expect(await ids('Things', "tolower(name) eq 'phú an' or substringof('Nhà', name)")).toEqual([
      'phu-an',
      'nha-be',
    ])
    expect(
      await ids('Things', "length(name) eq 6 and indexof(name, 'An') eq 4 and endswith(trim(name), 'An')"),
    ).toEqual(['phu-an'])
    expect(
      await ids('Things', "concat(substring(name, 0, 3), 'x') eq 'Phúx' and toupper(name) eq 'PHÚ AN'"),
    ).toEqual(['phu-an'])
    const at = (h: number, m: number) =>
      `'phu-an:water-level:${Date.parse(`2025-11-06T${h}:${m}:00+07:00`)}:kttv'`
    expect(
      await ids(
        `Datastreams('phu-an:water-level')/Observations`,
        'hour(phenomenonTime) eq 10 and minute(phenomenonTime) ge 50 and year(phenomenonTime) eq 2025 and month(phenomenonTime) eq 11 and day(phenomenonTime) eq 6',
      ),
    ).toEqual([`${at(17, 50)}`, `${at(17, 55)}`].map((q) => q.slice(1, -1)))
    expect(
      await ids(
        `Datastreams('phu-an:water-level')/Observations`,
        'round(result mul 100) eq 160 or floor(result add 0.5) eq 2 and ceiling(result sub 1) eq 1 and result div 2 lt 0.9 and second(phenomenonTime) eq 0 and phenomenonTime lt now()',
      ),
    ).toHaveLength(12)
    expect(
      await ids('Datastreams', "ObservedProperty/@iot.id eq 'flood-depth' and Thing/@iot.id eq 'fp-025'"),
    ).toEqual(['fs-025:flood-depth'])
  })

  test('server-driven paging: a partial page links the next one, the last page does not', async () => {
    const seen: unknown[] = []
    let url: string | undefined = `${root}${PHU_AN}/Observations?$top=5`
    while (url) {
      const page = (await (await fetch(url)).json()) as Json
      expect(page.value.length).toBeLessThanOrEqual(5)
      seen.push(...page.value.map((o) => o['@iot.id']))
      url = page['@iot.nextLink'] as string | undefined
    }
    expect(seen).toHaveLength(12)
    expect(new Set(seen).size).toBe(12)
    const capped = await get('/Things', { $top: '100000' })
    expect(capped.json.value).toHaveLength(1000)
    expect(capped.json['@iot.nextLink']).toBeDefined()
  })
})

describe('a public, read-only, cached endpoint that serves no staff data', () => {
  test('anonymous GET works; writes are 405', async () => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      const res = await fetch(`${root}/Things`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      expect(res.status, method).toBe(405)
    }
  })

  test('answers carry ETag and Cache-Control; a revalidation gets 304', async () => {
    const first = await fetch(`${root}${PHU_AN}/Observations?$top=3`)
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/)
    const again = await fetch(`${root}${PHU_AN}/Observations?$top=3`, {
      headers: { 'if-none-match': first.headers.get('etag') as string },
    })
    expect(again.status).toBe(304)
  })

  test('no entity set or path reaches alerts, users, audit or reports', async () => {
    for (const path of ['/Alerts', '/Users', '/AuditLog', '/Reports', '/Things/../../api/v1/audit'])
      expect((await get(path)).status, path).toBe(404)
    const { json } = await get('/Things', { $filter: "@iot.id eq 'phu-an'", $expand: 'Datastreams' })
    expect(JSON.stringify(json)).not.toMatch(/alert:|acknowledg|password|audit/i)
  })
})
