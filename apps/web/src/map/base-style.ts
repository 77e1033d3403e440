import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec'
import type { GlyphStack } from './glyph-fonts'
import { type MapTheme, PALETTES } from './map-theme'

export interface BaseStyleOptions {
  theme: MapTheme
  /** `location.origin`: maplibre fetches glyphs and GeoJSON from its worker, so URLs must be absolute. */
  origin: string
  /** Text size multiplier, e.g. 1.6 on a 4K wall. */
  textScale?: number
}

/** Sources the app fills later with `setData` (the road network comes from `GET /api/v1/network`). */
export const ROADS_SOURCE = 'roads'

const REGULAR: GlyphStack[] = ['NotoSans-Regular']
const BOLD: GlyphStack[] = ['NotoSans-Bold']

/** The offline base map of HCMC: districts, water and labels from files built into public/. */
export function buildBaseStyle({ theme, origin, textScale = 1 }: BaseStyleOptions): StyleSpecification {
  const p = PALETTES[theme]
  const file = (name: string) => `${origin}/basemap/${name}.geojson`
  const osm = '© OpenStreetMap contributors (ODbL)'
  const size = (z0: number, s0: number, z1: number, s1: number) =>
    ['interpolate', ['linear'], ['zoom'], z0, s0 * textScale, z1, s1 * textScale] as [
      'interpolate',
      ['linear'],
      ['zoom'],
      number,
      number,
      number,
      number,
    ]
  return {
    version: 8,
    name: `ioc-hcmc-${theme}`,
    glyphs: `${origin}/glyphs/{fontstack}/{range}.pbf`,
    sources: {
      districts: { type: 'geojson', data: file('districts'), attribution: osm },
      'district-labels': { type: 'geojson', data: file('district-labels') },
      'water-areas': { type: 'geojson', data: file('water-areas') },
      waterways: { type: 'geojson', data: file('waterways') },
      [ROADS_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': p.background } },
      { id: 'district-fill', type: 'fill', source: 'districts', paint: { 'fill-color': p.land } },
      { id: 'water-area', type: 'fill', source: 'water-areas', paint: { 'fill-color': p.water } },
      {
        id: 'waterway',
        type: 'line',
        source: 'waterways',
        paint: {
          'line-color': p.waterway,
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            10,
            ['match', ['get', 'kind'], 'river', 1.2, 'canal', 0.8, 0.3],
            16,
            ['match', ['get', 'kind'], 'river', 6, 'canal', 4, 1.5],
          ],
        },
      },
      {
        id: 'district-line',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': p.districtLine, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        id: 'waterway-label',
        type: 'symbol',
        source: 'waterways',
        filter: [
          'all',
          ['!=', ['get', 'name'], ''],
          ['match', ['get', 'kind'], ['river', 'canal'], true, false],
        ],
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': REGULAR,
          'text-size': size(11, 11, 16, 14),
          'text-letter-spacing': 0.05,
        },
        paint: { 'text-color': p.waterLabel, 'text-halo-color': p.halo, 'text-halo-width': 1.5 },
      },
      {
        // Deck.gl draws the roads above the map canvas, so names sit beside the line, not on it.
        id: 'road-label',
        type: 'symbol',
        source: ROADS_SOURCE,
        minzoom: 13,
        filter: [
          'all',
          ['!=', ['get', 'name'], ''],
          ['match', ['get', 'roadClass'], ['motorway', 'trunk', 'primary', 'secondary'], true, false],
        ],
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 400,
          'text-field': ['get', 'name'],
          'text-font': REGULAR,
          'text-size': size(13, 11, 17, 14),
          'text-offset': [0, 1],
        },
        paint: { 'text-color': p.label, 'text-halo-color': p.halo, 'text-halo-width': 1.5 },
      },
      {
        id: 'district-label',
        type: 'symbol',
        source: 'district-labels',
        maxzoom: 15,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': BOLD,
          'text-size': size(10, 12, 14, 18),
          'text-max-width': 8,
        },
        paint: {
          'text-color': p.label,
          'text-opacity': 0.75,
          'text-halo-color': p.halo,
          'text-halo-width': 2,
        },
      },
    ],
  }
}
