import { stationsById } from '@neaps/tide-database'
import { createTideCurve } from './tide-table'

/**
 * Vũng Tàu, TICON-4 station 383 (UHSLC fast-delivery, epoch 2007–2025), the one of the three Vũng Tàu
 * records that passes the database's quality gate. Station data CC BY 4.0, credit TICON / UHSLC.
 */
export const VUNG_TAU_STATION_ID = 'ticon/vung_tau-383-vnm-uhslc_fd'

/** The astronomical tide at Vũng Tàu, metres about its mean sea level, continuous in time. */
export function createVungTauTide(maxDays?: number): (atMs: number) => number {
  return createTideCurve(vungTauConstituents(), maxDays)
}

export function vungTauConstituents() {
  const station = stationsById.get(VUNG_TAU_STATION_ID)
  if (!station) throw new Error(`@neaps/tide-database has no station ${VUNG_TAU_STATION_ID}`)
  return station.harmonic_constituents
}
