// Pure reshaping of the OSM basemap fixtures into the small files the browser loads.
type Position = number[]
type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
export interface Feature<P = Record<string, unknown>> {
  type: 'Feature'
  geometry: Geometry
  properties: P
}
export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection'
  features: Feature<P>[]
}

/** 5 decimals of a degree is about 1 m at HCMC's latitude: finer than a screen pixel at street zoom. */
const DECIMALS = 1e5

function roundDeep<T>(coords: T): T {
  if (typeof coords === 'number') return (Math.round(coords * DECIMALS) / DECIMALS) as T
  return (coords as unknown[]).map(roundDeep) as T
}

function roundGeometry(g: Geometry): Geometry {
  return { ...g, coordinates: roundDeep(g.coordinates) } as Geometry
}

function nameOf(p: Record<string, unknown>): string {
  return typeof p.name === 'string' ? p.name.normalize('NFC') : ''
}

/** District polygons with only their name. */
export function slimDistricts(fc: FeatureCollection): FeatureCollection<{ name: string }> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      geometry: roundGeometry(f.geometry),
      properties: { name: nameOf(f.properties) },
    })),
  }
}

/** One label point per district, always inside it (see `labelPoint`). */
export function districtLabels(
  districts: FeatureCollection<{ name: string }>,
): FeatureCollection<{ name: string }> {
  return {
    type: 'FeatureCollection',
    features: districts.features.flatMap((f) => {
      const point = labelPoint(f.geometry)
      return point
        ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: f.properties }]
        : []
    }),
  }
}

export function slimWaterways(fc: FeatureCollection): FeatureCollection<{ name: string; kind: string }> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      geometry: roundGeometry(f.geometry),
      properties: { name: nameOf(f.properties), kind: String(f.properties.kind) },
    })),
  }
}

export function slimWaterAreas(fc: FeatureCollection): FeatureCollection<{ name: string }> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      geometry: roundGeometry(f.geometry),
      properties: { name: nameOf(f.properties) },
    })),
  }
}

function ringArea(ring: Position[]): number {
  let a = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? []
    const [xj = 0, yj = 0] = ring[j] ?? []
    a += (xj - xi) * (yj + yi)
  }
  return Math.abs(a / 2)
}

/**
 * A point inside a polygon for its label: on the horizontal line through the middle of the largest part's
 * bounding box, the midpoint of the widest stretch that lies inside. Unlike a centroid it cannot fall
 * outside a crescent-shaped district such as Quận 8.
 */
export function labelPoint(g: Geometry): Position | null {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []
  const largest = polygons.reduce<Position[][] | null>(
    (best, p) => (best && ringArea(best[0] ?? []) >= ringArea(p[0] ?? []) ? best : p),
    null,
  )
  if (!largest?.[0]) return null
  const lats = largest[0].map((p) => p[1] ?? 0)
  const y = (Math.min(...lats) + Math.max(...lats)) / 2
  const crossings: number[] = []
  for (const ring of largest) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? []
      const [xj = 0, yj = 0] = ring[j] ?? []
      if (yi > y !== yj > y) crossings.push(xi + ((y - yi) / (yj - yi)) * (xj - xi))
    }
  }
  crossings.sort((a, b) => a - b)
  let best: Position | null = null
  let widest = -1
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const a = crossings[i] ?? 0
    const b = crossings[i + 1] ?? 0
    if (b - a > widest) {
      widest = b - a
      best = [roundDeep((a + b) / 2), roundDeep(y)]
    }
  }
  return best
}
