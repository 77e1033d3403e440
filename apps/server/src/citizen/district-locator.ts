import { distanceM } from '@ioc/citizen'
import { isInsideHcmc, type LonLat, type WaterStation } from '@ioc/domain'
import type { District } from '@ioc/fixtures'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'

/** Beyond the district polygons, a place this close to a station the network watches is in the city. */
export const STATION_REACH_M = 3000

/** Name of the district whose polygon holds `at`, or null outside every one. */
export type DistrictLocator = (at: LonLat) => string | null

/**
 * Where a report may come from: the 17 urban district polygons of fixtures/hcmc/districts.geojson (the
 * offline map and the road network), and, since the towns of the former Bình Dương and Bà Rịa–Vũng Tàu
 * joined the city on 1 July 2025 without polygons in the fixtures, any place inside the city's box
 * (HCMC_BOUNDS) within 3 km of a station of the network, in that station's district (17 of the 69 flood
 * sensors are there). A polygon's bounding box is checked before the polygon.
 */
export function createDistrictLocator(
  districts: readonly District[],
  stations: readonly Pick<WaterStation, 'location' | 'district'>[],
): DistrictLocator {
  const boxed = districts.map((d) => {
    const rings = d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : d.geometry.coordinates
    let [w, s, e, n] = [180, 90, -180, -90]
    for (const poly of rings)
      for (const [lon, lat] of poly[0] ?? []) {
        w = Math.min(w, lon)
        e = Math.max(e, lon)
        s = Math.min(s, lat)
        n = Math.max(n, lat)
      }
    return { d, box: [w, s, e, n] as const }
  })
  return (at) => {
    const [lon, lat] = at
    for (const { d, box } of boxed) {
      if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) continue
      if (booleanPointInPolygon(at, d.geometry)) return d.name
    }
    if (!isInsideHcmc(at)) return null
    let nearest: { district: string; m: number } | null = null
    for (const s of stations) {
      const m = distanceM(s.location, at)
      if (m <= STATION_REACH_M && (!nearest || m < nearest.m)) nearest = { district: s.district, m }
    }
    return nearest?.district ?? null
  }
}
