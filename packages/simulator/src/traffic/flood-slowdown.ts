/**
 * Share of the normal speed left on a street under `depthCm` of water. Below 10 cm traffic is unaffected;
 * at 30 cm motorbikes stall and push (speed ~40 %), at 50 cm the street is close to impassable (~15 %).
 * The 10/30/50 cm steps are the sensors' depth levels (fixtures water-stations.json, depthLevelsCm).
 */
export function floodSpeedFactor(depthCm: number): number {
  if (depthCm < 10) return 1
  if (depthCm < 30) return 0.75 - ((depthCm - 10) / 20) * 0.35
  if (depthCm < 50) return 0.4 - ((depthCm - 30) / 20) * 0.25
  return Math.max(0.08, 0.15 - ((depthCm - 50) / 50) * 0.07)
}
