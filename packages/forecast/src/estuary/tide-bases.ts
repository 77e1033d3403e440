import { constituents } from '@neaps/tide-predictor'
import { createTideCurve } from '../tide/tide-table'
import { vungTauConstituents } from '../tide/vung-tau-tide'

/** The shallow-water overtides an estuary gauge gets its own amplitude and phase for. */
export const OVERTIDES = ['M4', 'MS4', 'M6'] as const

/** The functions of time an estuary tide model is built from, each continuous in time. */
export interface TideBases {
  /** Vũng Tàu astronomical tide, metres about its mean sea level (TICON-4). */
  sea: (atMs: number) => number
  /** The semidiurnal part of `sea` (constituents of 24–33°/h: M2, S2, N2, K2 …), metres. */
  semidiurnal: (atMs: number) => number
  /** cos and sin of each overtide's astronomical argument with its nodal corrections, unit amplitude. */
  overtides: { name: string; cos: (atMs: number) => number; sin: (atMs: number) => number }[]
}

/**
 * The bases from @neaps/tide-predictor: a unit constituent at phase 0° and 90° gives the cosine and sine
 * of its argument, so a gauge's own amplitude and phase of M4, MS4 and M6 are a linear fit. The
 * Vũng Tàu values of those overtides are ~1 cm; up the river they grow (the wave steepens in shallow water).
 */
export function createTideBases(maxDays = 120): TideBases {
  const sea = vungTauConstituents()
  return {
    sea: createTideCurve(sea, maxDays),
    semidiurnal: createTideCurve(
      sea.filter((c) => {
        const speed = constituents[c.name]?.speed ?? 0
        return speed >= 24 && speed <= 33
      }),
      maxDays,
    ),
    overtides: OVERTIDES.map((name) => ({
      name,
      cos: createTideCurve([{ name, amplitude: 1, phase: 0 }], maxDays),
      sin: createTideCurve([{ name, amplitude: 1, phase: 90 }], maxDays),
    })),
  }
}
