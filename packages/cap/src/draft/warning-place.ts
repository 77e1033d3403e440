import type { AlertSubject, CapArea, Network, WaterStation } from '@ioc/domain'

/** Where a warning applies and how its texts name the place. */
export interface WarningPlace {
  station: WaterStation
  /** The place as the texts name it (street or gauge, then district). */
  name: string
  area: CapArea
}

/**
 * A gauge stands for the low streets along its reach of river: a 3 km circle, about the width of the
 * tide-flooded wards around Phú An on 6 Nov 2025. A flood sensor stands for its flood point: the
 * point's mapped outline when OSM has one, else a 300 m circle (a few blocks of one street).
 */
const GAUGE_RADIUS_KM = 3
const FLOOD_POINT_RADIUS_KM = 0.3

/** The place of an alert's subject, or null when the network does not know it as a water station. */
export function warningPlace(network: Network, subject: AlertSubject): WarningPlace | null {
  if (subject.type !== 'station') return null
  const station = network.stations.find((s) => s.id === subject.id)
  if (!station) return null
  if (station.kind !== 'street-flood-sensor') {
    const name = `${station.name} (${station.river}), ${station.district}`
    return {
      station,
      name,
      area: {
        areaDesc: name,
        polygons: [],
        circles: [{ center: station.location, radiusKm: GAUGE_RADIUS_KM }],
      },
    }
  }
  const point = network.floodPoints.find((p) => p.id === station.floodPointId)
  const name = point ? `${point.street}, ${point.district}` : `${station.name}, ${station.district}`
  const ring = point?.area?.coordinates[0]
  return {
    station,
    name,
    area: ring
      ? { areaDesc: name, polygons: [ring], circles: [] }
      : {
          areaDesc: name,
          polygons: [],
          circles: [{ center: point?.location ?? station.location, radiusKm: FLOOD_POINT_RADIUS_KM }],
        },
  }
}
