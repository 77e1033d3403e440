import type { FloodSensorStation, LonLat, Network } from '@ioc/domain'
import { distanceM } from './distance'

/** A citizen's flood is read into a flood point's sensor only this close to the point. */
export const FLOOD_POINT_RADIUS_M = 500

/**
 * The street flood sensor of the flood point nearest to `at`, if one lies within 500 m: a verified
 * flood report becomes that sensor's reading, so it feeds the same rules and forecasts.
 */
export function nearestFloodSensor(
  network: Pick<Network, 'stations'>,
  at: LonLat,
): { station: FloodSensorStation; distanceM: number } | null {
  let best: { station: FloodSensorStation; distanceM: number } | null = null
  for (const s of network.stations) {
    if (s.kind !== 'street-flood-sensor') continue
    const d = distanceM(s.location, at)
    if (d <= FLOOD_POINT_RADIUS_M && (!best || d < best.distanceM)) best = { station: s, distanceM: d }
  }
  return best
}
