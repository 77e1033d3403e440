import { z } from 'zod'

/** A WGS84 position as GeoJSON orders it: [longitude, latitude] in degrees. */
export const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
export type LonLat = z.infer<typeof LonLat>

export const LineString = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(LonLat).min(2),
})
export type LineString = z.infer<typeof LineString>

export const Polygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(LonLat).min(4)).min(1),
})
export type Polygon = z.infer<typeof Polygon>

/**
 * The box that holds every fixture of the city (the 2021–2025 HCMC boundary incl. Cần Giờ and Củ Chi,
 * widened to the former Bình Dương and Bà Rịa–Vũng Tàu towns that joined the city on 1 July 2025).
 */
export const HCMC_BOUNDS = { west: 106.29, south: 10.3, east: 107.3, north: 11.2 } as const

export function isInsideHcmc([lon, lat]: LonLat): boolean {
  return (
    lon >= HCMC_BOUNDS.west && lon <= HCMC_BOUNDS.east && lat >= HCMC_BOUNDS.south && lat <= HCMC_BOUNDS.north
  )
}
