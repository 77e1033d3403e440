import type { TideBases } from './tide-bases'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const YEAR_MS = 365.2422 * 24 * HOUR_MS
/** Vũng Tàu's rms tide, metres (√(Σ a²/2) over its TICON-4 constituents): the spring–neap term's zero. */
const SEA_RMS_M = 0.8

/**
 * Terms added to the single-lag form `offset + gain × sea(t − lag)`, each a group the fit takes or leaves:
 * - `species`: semi, semi′, sea′: the semidiurnal and the diurnal tide each get their own gain and lag
 *   (a river damps and delays its twice-daily wave more than its daily one, which moves the small
 *   highs and lows of a mixed tide by hours);
 * - `asymmetry`: sea², sea·sea′: high and low water get their own gain (sea²) and lag (sea·sea′ shifts
 *   it one way at high water and the other at low), the Sài Gòn's short flood and long ebb;
 * - `overtides`: M4, MS4, M6 at the gauge's own amplitude and phase;
 * - `spring-neap`: the gain grows or shrinks with the sea's 25-hour rms range (springs vs neaps);
 * - `season`: an annual cosine and sine: the river is higher in the flood season (Sep–Dec) than the dry.
 */
export const FEATURE_GROUPS = ['species', 'asymmetry', 'overtides', 'spring-neap', 'season'] as const
export type FeatureGroup = (typeof FEATURE_GROUPS)[number]

export interface EstuaryForm {
  /** The base lag of the sea tide, minutes; asymmetry terms shift it by level. */
  lagMin: number
  groups: readonly FeatureGroup[]
}

export function featureNames(form: EstuaryForm, bases: TideBases): string[] {
  const names = ['offset', 'sea']
  if (form.groups.includes('species')) names.push('semi', 'semi′', 'sea′')
  if (form.groups.includes('asymmetry')) names.push('sea²', 'sea·sea′')
  if (form.groups.includes('overtides'))
    for (const o of bases.overtides) names.push(`${o.name} cos`, `${o.name} sin`)
  if (form.groups.includes('spring-neap')) names.push('range·sea')
  if (form.groups.includes('season')) names.push('annual cos', 'annual sin')
  return names
}

/**
 * The model's terms at one time, continuous in time (the tabulated bases interpolate between minutes).
 * sea′ is in metres per hour, by a central difference over ±5 minutes.
 */
export function estuaryFeatures(bases: TideBases, form: EstuaryForm, atMs: number): number[] {
  const at = atMs - form.lagMin * MINUTE_MS
  const x = bases.sea(at)
  const out = [1, x]
  const slope = (f: (atMs: number) => number) => (f(at + 5 * MINUTE_MS) - f(at - 5 * MINUTE_MS)) * 6
  if (form.groups.includes('species'))
    out.push(bases.semidiurnal(at), slope(bases.semidiurnal), slope(bases.sea))
  if (form.groups.includes('asymmetry')) out.push(x * x, x * slope(bases.sea))
  if (form.groups.includes('overtides')) for (const o of bases.overtides) out.push(o.cos(atMs), o.sin(atMs))
  if (form.groups.includes('spring-neap')) {
    let ss = 0
    for (let k = -12; k <= 12; k++) ss += bases.sea(at + k * HOUR_MS) ** 2
    out.push((Math.sqrt(ss / 25) / SEA_RMS_M - 1) * x)
  }
  if (form.groups.includes('season')) {
    const a = (2 * Math.PI * atMs) / YEAR_MS
    out.push(Math.cos(a), Math.sin(a))
  }
  return out
}
