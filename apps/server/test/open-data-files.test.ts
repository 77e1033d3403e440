import type { Observation } from '@ioc/domain'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ndjson, network, startTestServer, type TestServer } from './test-server'

const at = (hhmm: string, day = '06') => new Date(`2025-11-${day}T${hhmm}:00+07:00`).toISOString()
const segment = network.segments[0]?.id as string
const readings: Observation[] = [
  { type: 'water', stationId: 'phu-an', observedAt: at('00:00'), value: 1.1, source: 'kttv' },
  { type: 'water', stationId: 'phu-an', observedAt: at('18:00'), value: 1.75, source: 'kttv' },
  { type: 'water', stationId: 'fs-025', observedAt: at('18:05'), value: 42, source: 'Sở GTVT, trạm "A"' },
  {
    type: 'traffic',
    segmentId: segment,
    observedAt: at('17:30'),
    speedKph: 9,
    flowVph: 1500,
    source: 'tomtom',
  },
  // 23:59 on the 5th and 00:00 on the 7th, Ho Chi Minh City time: not in the file of the 6th.
  { type: 'water', stationId: 'phu-an', observedAt: at('23:59', '05'), value: 0.9, source: 'kttv' },
  { type: 'water', stationId: 'phu-an', observedAt: at('00:00', '07'), value: 1.0, source: 'kttv' },
]

let s: TestServer
beforeAll(async () => {
  s = await startTestServer()
  expect((await s.ingest(ndjson(readings))).status).toBe(200)
}, 60_000)
afterAll(() => s?.stop())

test('the CSV of a day opens with its licence and holds that day’s readings, one row each', async () => {
  const res = await fetch(`${s.url}/open-data/2025-11-06.csv`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(res.headers.get('link')).toBe('<https://opendatacommons.org/licenses/odbl/1-0/>; rel="license"')
  const [licence, header, ...rows] = (await res.text()).trimEnd().split('\n')
  expect(licence).toMatch(/^# .*© OpenStreetMap contributors, ODbL 1\.0\..*opendatacommons\.org/)
  expect(header).toBe('phenomenon_time,datastream_id,thing_id,observed_property,result,unit,source')
  expect(rows).toEqual([
    `${at('00:00')},phu-an:water-level,phu-an,water-level,1.1,m,kttv`,
    `${at('17:30')},${segment}:speed,${segment},speed,9,km/h,tomtom`,
    `${at('17:30')},${segment}:flow,${segment},flow,1500,veh/h,tomtom`,
    `${at('18:00')},phu-an:water-level,phu-an,water-level,1.75,m,kttv`,
    `${at('18:05')},fs-025:flood-depth,fp-025,flood-depth,42,cm,"Sở GTVT, trạm ""A"""`,
  ])
})

test('the GeoJSON of a day: one Feature per Thing with its geometry and readings, and the licence', async () => {
  const res = await fetch(`${s.url}/open-data/2025-11-06.geojson`)
  expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/)
  const fc = (await res.json()) as {
    type: string
    license: string
    attribution: string
    features: { id: string; geometry: { type: string }; properties: Record<string, unknown> }[]
  }
  expect(fc).toMatchObject({ type: 'FeatureCollection', license: 'ODbL-1.0' })
  expect(fc.attribution).toMatch(/© OpenStreetMap contributors/)
  expect(fc.features.map((f) => [f.id, f.geometry.type])).toEqual([
    ['phu-an', 'Point'],
    ['fp-025', 'Point'],
    [segment, 'LineString'],
  ])
  expect(fc.features[0]?.properties.datastreams).toEqual({
    'phu-an:water-level': {
      unit: 'm',
      readings: [
        [at('00:00'), 1.1, 'kttv'],
        [at('18:00'), 1.75, 'kttv'],
      ],
    },
  })
})

test('files are cached and revalidated; a late reading changes the tag', async () => {
  const first = await fetch(`${s.url}/open-data/2025-11-06.csv`)
  const etag = first.headers.get('etag') as string
  expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/)
  const again = await fetch(`${s.url}/open-data/2025-11-06.csv`, { headers: { 'if-none-match': etag } })
  expect(again.status).toBe(304)
  await s.ingest(
    ndjson([{ type: 'water', stationId: 'nha-be', observedAt: at('12:00'), value: 1.3, source: 'kttv' }]),
  )
  const changed = await fetch(`${s.url}/open-data/2025-11-06.csv`, { headers: { 'if-none-match': etag } })
  expect(changed.status).toBe(200)
  expect(changed.headers.get('etag')).not.toBe(etag)
})

test('a bad date is 400, a day without data 404, a write 405', async () => {
  expect((await fetch(`${s.url}/open-data/2025-13-01.csv`)).status).toBe(400)
  expect((await fetch(`${s.url}/open-data/2025-11-30.geojson`)).status).toBe(404)
  expect((await fetch(`${s.url}/open-data/2025-11-06.xlsx`)).status).toBe(404)
  expect((await fetch(`${s.url}/open-data/2025-11-06.csv`, { method: 'DELETE' })).status).toBe(405)
  const index = (await (await fetch(`${s.url}/open-data/`)).json()) as { licence: { id: string } }
  expect(index.licence.id).toBe('ODbL-1.0')
})
