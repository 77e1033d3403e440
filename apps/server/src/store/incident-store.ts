import type { Incident, IncidentPatch } from '@ioc/domain'

/** Analysts' bookmarks of time ranges (replay incidents). */
export interface IncidentStore {
  createIncident(incident: Incident): Promise<void>
  getIncident(id: string): Promise<Incident | null>
  /**
   * Newest first. `q` keeps incidents whose title or notes contain every word of it, ignoring case
   * (and Vietnamese diacritics: "trieu cuong" finds "Triều cường").
   */
  listIncidents(query: { q?: string; limit: number }): Promise<Incident[]>
  /** The incident after the patch, or null when unknown. */
  updateIncident(id: string, patch: IncidentPatch, atMs: number): Promise<Incident | null>
  /** False when unknown. */
  deleteIncident(id: string): Promise<boolean>
}

/** Lower case without diacritics (đ → d too), so a search typed without accents still finds. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase()
}
