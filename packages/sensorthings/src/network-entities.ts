import type { FloodPoint, GaugeStation, Network, RoadSegment } from '@ioc/domain'
import type { FollowOne } from './evaluate-expression'
import { ENTITY_SETS, type Entity, type EntitySet, GEOJSON, NAVIGATION, OM_MEASUREMENT } from './sta-model'

/** Which stored values a Datastream serves: a subject's readings of one kind. */
export type SeriesField = 'level' | 'speed' | 'flow' | 'occupancy'
export interface SeriesRef {
  type: 'traffic' | 'water'
  subjectId: string
  field: SeriesField
}

/** One stored reading, as the Observations of a Datastream are made from. */
export interface Reading extends SeriesRef {
  observedAtMs: number
  source: string
  value: number
}

/** The SensorThings view of the network: every entity but Observations, which come from the store. */
export interface StaGraph {
  entities: Record<EntitySet, readonly Entity[]>
  get(set: EntitySet, id: string): Entity | undefined
  follow: FollowOne
  /** The entities a to-many navigation reaches, or the series whose Observations it reaches. */
  many(entity: Entity, navigation: string): { entities: readonly Entity[] } | { series: readonly SeriesRef[] }
  seriesOf(datastreamId: string): SeriesRef | undefined
  observation(r: Reading): Entity
  /** The (datastream, time, source) an Observation id names; undefined when it names none. */
  parseObservationId(id: string): { datastreamId: string; observedAtMs: number; source: string } | undefined
}

const PROPERTY_OF: Record<SeriesField, string> = {
  level: 'water-level',
  speed: 'speed',
  flow: 'flow',
  occupancy: 'occupancy',
}

const UNITS = {
  m: { name: 'metre', symbol: 'm', definition: 'http://qudt.org/vocab/unit/M' },
  cm: { name: 'centimetre', symbol: 'cm', definition: 'http://qudt.org/vocab/unit/CentiM' },
  kph: { name: 'kilometre per hour', symbol: 'km/h', definition: 'http://qudt.org/vocab/unit/KiloM-PER-HR' },
  vph: { name: 'vehicles per hour', symbol: 'veh/h', definition: 'http://qudt.org/vocab/unit/PER-HR' },
  pct: { name: 'percent', symbol: '%', definition: 'http://qudt.org/vocab/unit/PERCENT' },
}

/** Observed properties, defined by the CF standard name or the FIWARE attribute each one is. */
const OBSERVED_PROPERTIES: { id: string; name: string; definition: string; description: string }[] = [
  {
    id: 'water-level',
    name: 'Water level',
    definition: 'http://vocab.nerc.ac.uk/standard_name/water_surface_height_above_reference_datum/',
    description: 'Height of the water surface above the national datum (Hòn Dấu), metres',
  },
  {
    id: 'flood-depth',
    name: 'Street flood depth',
    definition: 'https://smartdatamodels.org/dataModel.Environment/currentLevel',
    description: 'Depth of water standing on the street at a flood point, centimetres',
  },
  {
    id: 'speed',
    name: 'Average vehicle speed',
    definition: 'https://smartdatamodels.org/dataModel.Transportation/averageVehicleSpeed',
    description: 'Mean speed of the vehicles on a road segment, km/h',
  },
  {
    id: 'flow',
    name: 'Traffic flow',
    definition: 'https://smartdatamodels.org/dataModel.Transportation/intensity',
    description: 'Vehicles passing per hour on a road segment (a rate, not a count per period)',
  },
  {
    id: 'occupancy',
    name: 'Road occupancy',
    definition: 'https://smartdatamodels.org/dataModel.Transportation/occupancy',
    description: 'Share of time a detector on the segment is occupied, percent (FIWARE uses 0–1)',
  },
]

const ROAD_FEED = 'road-traffic-feeds'

const entity = (
  set: EntitySet,
  id: string,
  props: Record<string, unknown>,
  one: Entity['one'] = {},
): Entity => ({ set, id, props, one })

const point = (lonLat: readonly [number, number]) => ({ type: 'Point', coordinates: [...lonLat] })

/**
 * Builds the entities from the network: Things are the gauges, the flood points and the road
 * segments; a flood point's Datastream comes from the street sensor placed at it (docs/domain-standards.md).
 */
export function buildStaGraph(network: Network): StaGraph {
  const sets = Object.fromEntries(ENTITY_SETS.map((s) => [s, [] as Entity[]])) as Record<EntitySet, Entity[]>
  const series = new Map<string, SeriesRef>()
  const datastreamOfSeries = new Map<string, string>()
  const foiOfDatastream = new Map<string, string>()
  const seriesOfFoi = new Map<string, SeriesRef[]>()
  const add = (e: Entity) => sets[e.set].push(e)
  const seriesKey = (s: SeriesRef) => `${s.type}\u0000${s.subjectId}\u0000${s.field}`

  const place = (id: string, name: string, geometry: unknown, what: string) => {
    add(entity('Locations', id, { name, description: what, encodingType: GEOJSON, location: geometry }))
    add(
      entity('FeaturesOfInterest', id, { name, description: what, encodingType: GEOJSON, feature: geometry }),
    )
  }
  const datastream = (
    ref: SeriesRef,
    property: string,
    props: Record<string, unknown>,
    links: { thing: string; sensor: string; foi: string },
  ) => {
    const id = `${ref.subjectId}:${property}`
    add(
      entity(
        'Datastreams',
        id,
        { observationType: OM_MEASUREMENT, ...props },
        { Thing: links.thing, Sensor: links.sensor, ObservedProperty: property },
      ),
    )
    series.set(id, ref)
    datastreamOfSeries.set(seriesKey(ref), id)
    foiOfDatastream.set(id, links.foi)
    const ofFoi = seriesOfFoi.get(links.foi)
    if (ofFoi) ofFoi.push(ref)
    else seriesOfFoi.set(links.foi, [ref])
  }

  for (const { id, ...p } of OBSERVED_PROPERTIES) add(entity('ObservedProperties', id, p))

  const gauges = network.stations.filter((s): s is GaugeStation => s.kind !== 'street-flood-sensor')
  for (const g of gauges) {
    const what = `${g.kind === 'tide-gauge' ? 'Tide gauge' : 'River gauge'} on ${g.river}, ${g.district}`
    add(
      entity('Things', g.id, {
        name: g.name,
        description: what,
        properties: {
          kind: g.kind,
          river: g.river,
          district: g.district,
          expectedIntervalS: g.expectedIntervalS,
        },
      }),
    )
    place(g.id, g.name, point(g.location), what)
    add(sensor(g.id, `${g.name} gauge`, `Water level gauge of the ${what}`))
    datastream(
      { type: 'water', subjectId: g.id, field: 'level' },
      'water-level',
      {
        name: `${g.name} water level`,
        description: `Water level at ${g.name}, metres on the national datum (Hòn Dấu)`,
        unitOfMeasurement: UNITS.m,
        properties: { alarmLevelsM: g.alarmLevelsM, plausible: g.plausible },
      },
      { thing: g.id, sensor: g.id, foi: g.id },
    )
  }

  const floodPoints = new Map<string, FloodPoint>(network.floodPoints.map((p) => [p.id, p]))
  for (const p of network.floodPoints) {
    const what = `Flood point (điểm ngập) on ${p.street}, ${p.district}; floods from ${p.cause}`
    add(
      entity('Things', p.id, {
        name: p.street,
        description: what,
        properties: { district: p.district, cause: p.cause, segmentIds: p.segmentIds },
      }),
    )
    place(p.id, p.street, point(p.location), what)
  }
  for (const s of network.stations) {
    if (s.kind !== 'street-flood-sensor' || !floodPoints.has(s.floodPointId)) continue
    add(
      sensor(
        s.id,
        `Flood sensor ${s.name}`,
        'Street flood depth sensor at a flood point. Simulated: no public street-sensor feed exists (fixtures/README.md)',
      ),
    )
    datastream(
      { type: 'water', subjectId: s.id, field: 'level' },
      'flood-depth',
      {
        name: `${s.name} flood depth`,
        description: `Depth of water on the street at ${s.name}, centimetres`,
        unitOfMeasurement: UNITS.cm,
        properties: { depthLevelsCm: s.depthLevelsCm, plausible: s.plausible },
      },
      { thing: s.floodPointId, sensor: s.id, foi: s.floodPointId },
    )
  }

  add(
    sensor(
      ROAD_FEED,
      'Road traffic feeds',
      'Speed, flow and occupancy of road segments as the traffic feeds report them; each Observation names its feed in parameters.source',
    ),
  )
  for (const seg of network.segments) segmentEntities(seg)

  function segmentEntities(seg: RoadSegment): void {
    const name = seg.name || seg.id
    const what = `Road segment (${seg.roadClass}) of ${seg.name || 'an unnamed road'}, ${seg.district}`
    add(
      entity('Things', seg.id, {
        name,
        description: what,
        properties: {
          roadClass: seg.roadClass,
          district: seg.district,
          lengthM: seg.lengthM,
          freeFlowKph: seg.freeFlowKph,
          oneway: seg.oneway,
        },
      }),
    )
    place(seg.id, name, seg.geometry, what)
    const links = { thing: seg.id, sensor: ROAD_FEED, foi: seg.id }
    const ds = (field: SeriesField, label: string, unit: (typeof UNITS)[keyof typeof UNITS], extra = {}) =>
      datastream(
        { type: 'traffic', subjectId: seg.id, field },
        PROPERTY_OF[field],
        {
          name: `${name} ${label}`,
          description: `${label[0]?.toUpperCase()}${label.slice(1)} on ${what}`,
          unitOfMeasurement: unit,
          properties: extra,
        },
        links,
      )
    ds('speed', 'speed', UNITS.kph, { freeFlowKph: seg.freeFlowKph })
    ds('flow', 'flow', UNITS.vph)
    ds('occupancy', 'occupancy', UNITS.pct)
  }

  const byId = Object.fromEntries(
    ENTITY_SETS.map((s) => [s, new Map(sets[s].map((e) => [e.id, e]))]),
  ) as Record<EntitySet, Map<string, Entity>>
  const index = (set: EntitySet, link: string) => {
    const m = new Map<string, Entity[]>()
    for (const e of sets[set]) {
      const to = e.one[link]
      if (to === undefined) continue
      const list = m.get(to)
      if (list) list.push(e)
      else m.set(to, [e])
    }
    return m
  }
  const datastreamsBy: Record<string, Map<string, Entity[]>> = {
    Things: index('Datastreams', 'Thing'),
    Sensors: index('Datastreams', 'Sensor'),
    ObservedProperties: index('Datastreams', 'ObservedProperty'),
  }

  const follow: FollowOne = (e, navigation) => {
    const nav = NAVIGATION[e.set][navigation]
    if (!nav || nav.many) return undefined
    const id = e.one[navigation]
    return id === undefined ? null : (byId[nav.target].get(id) ?? null)
  }

  return {
    entities: sets,
    get: (set, id) => byId[set].get(id),
    follow,
    many(e, navigation) {
      if (navigation === 'Observations') {
        if (e.set === 'Datastreams') return { series: [series.get(e.id) as SeriesRef] }
        return { series: seriesOfFoi.get(e.id) ?? [] }
      }
      if (navigation === 'Datastreams') return { entities: datastreamsBy[e.set]?.get(e.id) ?? [] }
      // A Thing and its Location share an id, one each; HistoricalLocations: things here do not move.
      if (navigation === 'Locations' || navigation === 'Things') {
        const other = byId[navigation].get(e.id)
        return { entities: other ? [other] : [] }
      }
      return { entities: [] }
    },
    seriesOf: (id) => series.get(id),
    observation(r) {
      const datastreamId = datastreamOfSeries.get(seriesKey(r)) ?? `${r.subjectId}:${PROPERTY_OF[r.field]}`
      const at = new Date(r.observedAtMs).toISOString()
      return entity(
        'Observations',
        `${datastreamId}:${r.observedAtMs}:${r.source}`,
        { phenomenonTime: at, resultTime: at, result: r.value, parameters: { source: r.source } },
        { Datastream: datastreamId, FeatureOfInterest: foiOfDatastream.get(datastreamId) as string },
      )
    },
    parseObservationId(id) {
      const [subject, property, ms, ...source] = id.split(':')
      const datastreamId = `${subject}:${property}`
      if (!series.has(datastreamId) || !/^\d{1,15}$/.test(ms ?? '') || !source.length) return undefined
      return { datastreamId, observedAtMs: Number(ms), source: source.join(':') }
    },
  }
}

function sensor(id: string, name: string, description: string): Entity {
  return entity('Sensors', id, {
    name,
    description,
    encodingType: 'text/html',
    metadata: `<p>${description.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`,
  })
}
