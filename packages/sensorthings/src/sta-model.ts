/** The entity sets of OGC SensorThings API 1.1 Part 1: Sensing (OGC 18-088), in the service root's order. */
export const ENTITY_SETS = [
  'Things',
  'Locations',
  'HistoricalLocations',
  'Datastreams',
  'Sensors',
  'ObservedProperties',
  'Observations',
  'FeaturesOfInterest',
] as const
export type EntitySet = (typeof ENTITY_SETS)[number]

export interface Navigation {
  target: EntitySet
  many: boolean
}

/** Every navigation property of every entity type (18-088 §8.2, the data model's relations). */
export const NAVIGATION: Record<EntitySet, Record<string, Navigation>> = {
  Things: {
    Locations: { target: 'Locations', many: true },
    HistoricalLocations: { target: 'HistoricalLocations', many: true },
    Datastreams: { target: 'Datastreams', many: true },
  },
  Locations: {
    Things: { target: 'Things', many: true },
    HistoricalLocations: { target: 'HistoricalLocations', many: true },
  },
  HistoricalLocations: {
    Thing: { target: 'Things', many: false },
    Locations: { target: 'Locations', many: true },
  },
  Datastreams: {
    Thing: { target: 'Things', many: false },
    Sensor: { target: 'Sensors', many: false },
    ObservedProperty: { target: 'ObservedProperties', many: false },
    Observations: { target: 'Observations', many: true },
  },
  Sensors: { Datastreams: { target: 'Datastreams', many: true } },
  ObservedProperties: { Datastreams: { target: 'Datastreams', many: true } },
  Observations: {
    Datastream: { target: 'Datastreams', many: false },
    FeatureOfInterest: { target: 'FeaturesOfInterest', many: false },
  },
  FeaturesOfInterest: { Observations: { target: 'Observations', many: true } },
}

/**
 * One entity as the service holds it: its id, its properties (as served, before links are added) and
 * the ids its to-one navigation properties point at.
 */
export interface Entity {
  set: EntitySet
  id: string
  props: Record<string, unknown>
  one: Partial<Record<string, string>>
}

/** Requirement classes this service meets (18-088 Annex A); write, batch, MQTT and data-array are left out. */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
] as const

/** `observationType` of a Datastream whose results are plain numbers (OGC O&M 2.0). */
export const OM_MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement'

/** The GeoJSON encoding of Locations and FeaturesOfInterest (18-088 Table 7; 1.0 wrote `application/vnd.geo+json`). */
export const GEOJSON = 'application/geo+json'
