/**
 * Rain rate at a time, mm/h: a convective storm that builds over its first 20 %, pours at the peak
 * rate, and eases off over its last 30 %.
 */
export function rainIntensityMmPerH(
  event: { fromMs: number; toMs: number; peakMmPerH: number },
  atMs: number,
): number {
  if (atMs < event.fromMs || atMs >= event.toMs) return 0
  const f = (atMs - event.fromMs) / (event.toMs - event.fromMs)
  if (f < 0.2) return event.peakMmPerH * (f / 0.2)
  if (f > 0.7) return event.peakMmPerH * ((1 - f) / 0.3)
  return event.peakMmPerH
}
