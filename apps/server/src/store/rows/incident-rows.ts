import type { Incident } from '@ioc/domain'
import { foldForSearch } from '../incident-store'

export interface IncidentRow {
  id: string
  title: string
  notes: string
  from_ms: number
  to_ms: number
  created_by: string
  created_at: number
  updated_at: number
}

export const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  title: r.title,
  notes: r.notes,
  from: r.from_ms,
  to: r.to_ms,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** The `search` column: title and notes folded, so a search matches without case or diacritics. */
export const searchText = (i: Pick<Incident, 'title' | 'notes'>) => foldForSearch(`${i.title}\n${i.notes}`)

/** A patch without its undefined fields, so spreading it keeps what the patch leaves out. */
export const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
