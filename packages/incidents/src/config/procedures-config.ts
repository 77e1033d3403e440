import { AlertKind, LocalizedText, Severity } from '@ioc/domain'
import { z } from 'zod'

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id like "send-pumps"')

/** A standard operating procedure: the steps a duty officer ticks for an alert of a kind and severity. */
export const Procedure = z.strictObject({
  id: Id,
  kind: AlertKind,
  /** The severities it applies to; an incident gets it once any of its alerts has reached one. */
  severities: z.array(Severity).min(1),
  title: LocalizedText,
  steps: z
    .array(z.strictObject({ id: Id, text: LocalizedText }))
    .min(1)
    .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, 'step ids must be unique'),
})
export type Procedure = z.infer<typeof Procedure>

/** The procedures; `procedures.default.json` at the package root holds the defaults. */
export const ProceduresConfig = z.strictObject({
  procedures: z
    .array(Procedure)
    .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'procedure ids must be unique'),
})
export type ProceduresConfig = z.infer<typeof ProceduresConfig>
