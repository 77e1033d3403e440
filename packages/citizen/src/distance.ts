import type { LonLat } from '@ioc/domain'

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres (haversine, mean Earth radius): within a city, well under 0.5 % off. */
export function distanceM([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)))
}
