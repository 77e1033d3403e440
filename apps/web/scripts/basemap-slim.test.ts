// @vitest-environment node
import { readFileSync } from 'node:fs'
import { basemapFile } from '@ioc/fixtures'
import { describe, expect, test } from 'vitest'
import {
  districtLabels,
  type FeatureCollection,
  labelPoint,
  slimDistricts,
  slimWaterways,
} from './basemap-slim'

const load = (name: Parameters<typeof basemapFile>[0]) =>
  JSON.parse(readFileSync(basemapFile(name), 'utf8')) as FeatureCollection

function inside([x = 0, y = 0]: number[], rings: number[][][]): boolean {
  let hit = false
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? []
      const [xj = 0, yj = 0] = ring[j] ?? []
      if (yi > y !== yj > y && x < xi + ((y - yi) / (yj - yi)) * (xj - xi)) hit = !hit
    }
  }
  return hit
}

describe('district labels', () => {
  const districts = slimDistricts(load('districts'))

  test('every district gets one label, placed inside the district', () => {
    const labels = districtLabels(districts)
    expect(labels.features.map((f) => f.properties.name)).toEqual(
      districts.features.map((f) => f.properties.name),
    )
    for (const [i, label] of labels.features.entries()) {
      const g = districts.features[i]?.geometry
      const polygons =
        g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : []
      const point = label.geometry.coordinates as number[]
      expect(
        polygons.some((rings) => inside(point, rings)),
        label.properties.name,
      ).toBe(true)
    }
  })

  test('names keep every Vietnamese diacritic, in NFC', () => {
    const names = districts.features.map((f) => f.properties.name)
    expect(names).toContain('Thành phố Thủ Đức')
    expect(names).toContain('Quận Phú Nhuận')
    for (const n of names) expect(n).toBe(n.normalize('NFC'))
  })

  test('a polygon without area has no label point', () => {
    expect(
      labelPoint({
        type: 'LineString',
        coordinates: [
          [106.7, 10.8],
          [106.71, 10.8],
        ],
      }),
    ).toBeNull()
  })
})

describe('slimWaterways', () => {
  test('keeps the names and kinds the style filters on', () => {
    const waterways = slimWaterways(load('waterways')).features
    expect(waterways.find((f) => f.properties.name === 'Sông Sài Gòn')?.properties.kind).toBe('river')
    expect(waterways.filter((f) => f.properties.kind === 'canal').length).toBeGreaterThan(0)
  })
})
