import type { CitizenReport } from '@ioc/domain'
import { distanceM } from './distance'

/** Reports of the same thing are this close in space and time (issue 15: 500 m, 1 h). */
export const DUPLICATE_RADIUS_M = 500
export const DUPLICATE_WINDOW_MS = 60 * 60_000

type Candidate = Pick<CitizenReport, 'code' | 'category' | 'location' | 'createdAt' | 'status'>

/**
 * For each open report (new or verified), the other open reports of the same category within 500 m and
 * 1 h of it, earliest first; reports with none are left out. Sorting by time keeps it O(n · window).
 */
export function suggestDuplicates(reports: readonly Candidate[]): Record<string, string[]> {
  const open = reports
    .filter((r) => r.status === 'new' || r.status === 'verified')
    .sort((a, b) => a.createdAt - b.createdAt || a.code.localeCompare(b.code))
  const out: Record<string, string[]> = {}
  for (let i = 0; i < open.length; i++) {
    const a = open[i] as Candidate
    for (let j = i + 1; j < open.length; j++) {
      const b = open[j] as Candidate
      if (b.createdAt - a.createdAt > DUPLICATE_WINDOW_MS) break
      if (a.category !== b.category || distanceM(a.location, b.location) > DUPLICATE_RADIUS_M) continue
      out[a.code] = [...(out[a.code] ?? []), b.code]
      out[b.code] = [...(out[b.code] ?? []), a.code]
    }
  }
  // Pushed in time order: a report's earlier matches while the loop is before it, later ones after.
  return out
}
