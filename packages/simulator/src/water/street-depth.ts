/** How one street flood sensor's site fills and drains. */
export interface StreetSite {
  /** Rain the drains carry away, mm/h; HCMC's drains are sized for ~80–100 mm over 3 h, i.e. ~30 mm/h. */
  drainCapacityMmPerH: number
  /** Centimetres of standing water per millimetre of rain above capacity (catchment over street area). */
  cmPerExcessMm: number
  /** Time constant of draining, hours: water left falls to 37 % after this long without rain. */
  drainTauH: number
  /** River level above which tide water backs up through the drains onto the street, metres; null if not tidal. */
  tideThresholdM: number | null
}

/**
 * One step of a linear-reservoir street: excess rain fills it, the drains empty it exponentially. The
 * tide adds water that stands as long as the river stays above the site's threshold (1 cm per cm above),
 * and while it does the drains cannot empty into the river, so rain water stays too.
 */
export function stepStreetDepth(
  site: StreetSite,
  rainDepthCm: number,
  rainMmPerH: number,
  riverLevelM: number,
  dtH: number,
): { rainDepthCm: number; depthCm: number } {
  const tideAboveM = site.tideThresholdM === null ? 0 : Math.max(0, riverLevelM - site.tideThresholdM)
  const inflow = Math.max(0, rainMmPerH - site.drainCapacityMmPerH) * site.cmPerExcessMm * dtH
  const drain = tideAboveM > 0 ? 0 : 1 - Math.exp(-dtH / site.drainTauH)
  const next = (rainDepthCm + inflow) * (1 - drain)
  return { rainDepthCm: next, depthCm: next + tideAboveM * 100 }
}
