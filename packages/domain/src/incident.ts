import { z } from 'zod'

/** An analyst's bookmark of a time range, opened in the replay by `/replay?incident=<id>`. */
export const Incident = z.object({
  id: z.string().min(1),
  title: z.string().min(1).max(200),
  notes: z.string().max(20_000),
  /** Epoch ms, inclusive. */
  from: z.number().int(),
  /** Epoch ms, exclusive. */
  to: z.number().int(),
  createdBy: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type Incident = z.infer<typeof Incident>

const Title = z.string().trim().min(1, 'an incident needs a title').max(200)
const Notes = z.string().max(20_000)
const ordered = (r: { from?: number | undefined; to?: number | undefined }) =>
  r.from === undefined || r.to === undefined || r.from < r.to

export const NewIncident = z
  .object({ title: Title, notes: Notes.default(''), from: z.number().int(), to: z.number().int() })
  .refine(ordered, {
    message: 'from must be before to',
    path: ['from'],
  })
export type NewIncident = z.infer<typeof NewIncident>

/** Only the fields sent change; a range given in part is checked against the stored other end. */
export const IncidentPatch = z
  .object({
    title: Title.optional(),
    notes: Notes.optional(),
    from: z.number().int().optional(),
    to: z.number().int().optional(),
  })
  .refine(ordered, {
    message: 'from must be before to',
    path: ['from'],
  })
export type IncidentPatch = z.infer<typeof IncidentPatch>

export const IncidentList = z.object({ incidents: z.array(Incident) })
export type IncidentList = z.infer<typeof IncidentList>

/** The web route that opens the replay at an incident's range. */
export function incidentReplayPath(id: string): string {
  return `/replay?incident=${encodeURIComponent(id)}`
}
