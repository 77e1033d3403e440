import { z } from 'zod'
import { AckBody, AlertKind, AlertSubject, AssignBody, LocalizedText, ResolveBody, Severity } from './alert'
import { LonLat } from './geo'

/**
 * Operational incidents: alerts that share a cause, worked as one by the duty officer (`/alerts`).
 * Not to be confused with the replay's `Incident` (incident.ts), an analyst's bookmark of a past time
 * range; an operational incident can be opened in the replay over its own time range
 * (`operationalIncidentReplayPath`). docs/architecture.md, "Two kinds of incident".
 */

/** Which grouping rule made the incident (packages/incidents `incidents.default.json`). */
export const GroupingRule = z.enum(['street-flood', 'gauge', 'congestion', 'sensor-silent', 'single'])
export type GroupingRule = z.infer<typeof GroupingRule>

/** One alert of an incident, as the incident last saw it. */
export const IncidentMember = z.object({
  alertId: z.string().min(1),
  kind: AlertKind,
  subject: AlertSubject,
  /** Where the subject is: a station's location, a segment's midpoint; null for a subject not in the network. */
  location: LonLat.nullable(),
  district: z.string(),
  /** Station or street name; empty for an unnamed road. */
  name: z.string(),
  severity: Severity,
  /** The highest severity the alert reached: it decides the procedures, which stay once shown. */
  peakSeverity: Severity,
  raisedAt: z.number().int(),
  active: z.boolean(),
  acked: z.boolean(),
  resolved: z.boolean(),
})
export type IncidentMember = z.infer<typeof IncidentMember>

/** The gauge báo động that drives a street-flood incident. */
export const IncidentDriver = z.object({
  alertId: z.string().min(1),
  stationId: z.string().min(1),
  stationName: z.string(),
  /** The gauge alert's highest severity: minor, major, critical are báo động I, II, III. */
  severity: Severity,
})
export type IncidentDriver = z.infer<typeof IncidentDriver>

/** Why these alerts are one incident, in data; the web words it ("5 street floods in Quận 7 …"). */
export const IncidentGrouping = z.object({
  rule: GroupingRule,
  /** The district every member is in, when the rule keeps to one. */
  district: z.string().nullable(),
  /** The street of a congestion corridor. */
  corridor: z.string().nullable(),
  /** Members are within this distance of another member, metres. */
  withinM: z.number().positive().nullable(),
  /** The greatest distance between two of its alerts of the rule's kind, metres; 0 for one. */
  spanM: z.number().nonnegative(),
  /** What floods the members' streets, from the flood points. */
  cause: z.enum(['rain', 'tide', 'rain+tide']).nullable(),
  driver: IncidentDriver.nullable(),
})
export type IncidentGrouping = z.infer<typeof IncidentGrouping>

export const ChecklistTick = z.object({ by: z.string().min(1), at: z.number().int() })

/** A standard operating procedure as it applies to one incident, with the duty officer's ticks. */
export const IncidentProcedure = z.object({
  procedureId: z.string().min(1),
  title: LocalizedText,
  steps: z.array(z.object({ id: z.string().min(1), text: LocalizedText, tick: ChecklistTick.nullable() })),
})
export type IncidentProcedure = z.infer<typeof IncidentProcedure>

export const OperationalIncident = z.object({
  /** `inc-<id of its first alert>`: the same on every instance that groups the same alert. */
  id: z.string().min(1),
  status: z.enum(['open', 'resolved']),
  /** The most severe current severity of its unresolved alerts (of all, once resolved). */
  severity: Severity,
  grouping: IncidentGrouping,
  members: z.array(IncidentMember).min(1),
  /** Epoch ms: the first alert's raise. */
  openedAt: z.number().int(),
  updatedAt: z.number().int(),
  /** Null while any member is active; else when the last one cleared or resolved. Ends its episode. */
  quietSince: z.number().int().nullable(),
  ack: z.object({ by: z.string(), at: z.number().int(), note: z.string() }).nullable(),
  assignee: z.object({ to: z.string(), by: z.string(), at: z.number().int() }).nullable(),
  resolution: z.object({ by: z.string(), at: z.number().int(), note: z.string() }).nullable(),
  checklist: z.array(IncidentProcedure),
})
export type OperationalIncident = z.infer<typeof OperationalIncident>

/** The incident's audit trail; each alert an action touched keeps its own transition too. */
export const OperationalIncidentEvent = z.object({
  incidentId: z.string(),
  seq: z.number().int(),
  action: z.enum([
    'opened',
    'alert-joined',
    'acknowledged',
    'assigned',
    'resolved',
    'step-ticked',
    'step-unticked',
    'closed',
  ]),
  at: z.number().int(),
  /** A user name, or "system". */
  by: z.string().min(1),
  origin: z.string(),
  note: z.string(),
  details: z.record(z.string(), z.unknown()),
})
export type OperationalIncidentEvent = z.infer<typeof OperationalIncidentEvent>

/** `POST /operational-incidents/:id/tick`: ticks (or unticks) one step of one of its procedures. */
export const TickBody = z.object({
  procedureId: z.string().min(1),
  stepId: z.string().min(1),
  done: z.boolean().default(true),
})

/**
 * What a duty officer does to an incident: ack, assign and resolve act on each of its open alerts
 * (the bodies of the alert actions); tick marks a checklist step.
 */
export const OperationalIncidentAction = z.discriminatedUnion('type', [
  AckBody.extend({ type: z.literal('acknowledge') }),
  AssignBody.extend({ type: z.literal('assign') }),
  ResolveBody.extend({ type: z.literal('resolve') }),
  TickBody.extend({ type: z.literal('tick') }),
])
export type OperationalIncidentAction = z.infer<typeof OperationalIncidentAction>

export const OperationalIncidentList = z.object({ incidents: z.array(OperationalIncident) })
export type OperationalIncidentList = z.infer<typeof OperationalIncidentList>

export const OperationalIncidentDetail = z.object({
  incident: OperationalIncident,
  events: z.array(OperationalIncidentEvent),
})
export type OperationalIncidentDetail = z.infer<typeof OperationalIncidentDetail>

/** Filters of `GET /api/v1/operational-incidents`; `open` (default) is everything not yet resolved. */
export const OperationalIncidentQuery = z.object({
  state: z.enum(['open', 'all']).default('open'),
  /** Opened before, epoch ms. */
  to: z.coerce.number().int().optional(),
  /** Still open at or updated after, epoch ms. */
  from: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
})
export type OperationalIncidentQuery = z.infer<typeof OperationalIncidentQuery>

/**
 * The replay over an incident's time range, from half an hour before its first alert to half an hour
 * after it went quiet (or to `nowMs` while it is not).
 */
export function operationalIncidentReplayPath(incident: OperationalIncident, nowMs: number): string {
  const margin = 30 * 60_000
  const to = incident.quietSince === null ? nowMs : Math.min(nowMs, incident.quietSince + margin)
  return `/replay?from=${incident.openedAt - margin}&to=${Math.max(to, incident.openedAt + margin)}`
}

/** A duty officer's note at the end of a shift, with what the shift leaves to the next one. */
export const ShiftHandover = z.object({
  id: z.string().min(1),
  /** Epoch ms, the shift's range. */
  from: z.number().int(),
  to: z.number().int(),
  createdBy: z.string(),
  createdAt: z.number().int(),
  note: z.string().max(20_000),
  /** The incidents open when the note was written, as they were then. */
  open: z.array(OperationalIncident),
  /** What was done during the shift: incident events from `from` to `to`. */
  done: z.array(OperationalIncidentEvent),
})
export type ShiftHandover = z.infer<typeof ShiftHandover>

export const NewShiftHandover = z
  .object({ from: z.number().int(), to: z.number().int(), note: z.string().max(20_000).default('') })
  .refine((h) => h.from < h.to, { message: 'from must be before to', path: ['from'] })
export type NewShiftHandover = z.infer<typeof NewShiftHandover>

export const ShiftHandoverList = z.object({ handovers: z.array(ShiftHandover) })
export type ShiftHandoverList = z.infer<typeof ShiftHandoverList>

/** The steps of an open incident's procedures not ticked yet: what a handover leaves pending. */
export function pendingSteps(
  incident: OperationalIncident,
): { procedureId: string; stepId: string; text: LocalizedText }[] {
  return incident.checklist.flatMap((p) =>
    p.steps
      .filter((s) => s.tick === null)
      .map((s) => ({ procedureId: p.procedureId, stepId: s.id, text: s.text })),
  )
}
