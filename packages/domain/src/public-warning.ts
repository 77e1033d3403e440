import { z } from 'zod'
import { AlertKind } from './alert'
import { LonLat } from './geo'

// The CAP 1.2 enumerations as the data dictionary lists them (OASIS CAP-v1.2-os §3.2), kept whole
// even where the server sends only some values, so a message read back from anywhere parses.
export const CapStatus = z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft'])
export type CapStatus = z.infer<typeof CapStatus>
export const CapMsgType = z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error'])
export type CapMsgType = z.infer<typeof CapMsgType>
export const CapCategory = z.enum([
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
])
export type CapCategory = z.infer<typeof CapCategory>
export const CapResponseType = z.enum([
  'Shelter',
  'Evacuate',
  'Prepare',
  'Execute',
  'Avoid',
  'Monitor',
  'Assess',
  'AllClear',
  'None',
])
export type CapResponseType = z.infer<typeof CapResponseType>
export const CapUrgency = z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown'])
export type CapUrgency = z.infer<typeof CapUrgency>
export const CapSeverity = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'])
export type CapSeverity = z.infer<typeof CapSeverity>
export const CapCertainty = z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'])
export type CapCertainty = z.infer<typeof CapCertainty>

/** CAP's text without spaces, commas, `<` or `&` (identifier, sender). */
export const CapToken = z.string().regex(/^[^\s,<&]+$/, 'expected no spaces, commas, < or &')

/**
 * A CAP dateTime: seconds and a numeric offset, never "Z" (CAP 1.2 §3.3.2; UTC is "-00:00").
 * The server writes Vietnam time, "+07:00".
 */
export const CapDateTime = z
  .string()
  .regex(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/,
    'expected a CAP dateTime like 2025-11-06T17:05:00+07:00',
  )

/** An earlier message this one refers to; written `sender,identifier,sent`. */
export const CapReference = z.object({ sender: CapToken, identifier: CapToken, sent: CapDateTime })
export type CapReference = z.infer<typeof CapReference>

export const CapCircle = z.object({ center: LonLat, radiusKm: z.number().positive() })
export type CapCircle = z.infer<typeof CapCircle>

/** Where a warning applies: a polygon (closed ring of [lon, lat], ≥ 4 positions) or circles. */
export const CapArea = z.object({
  areaDesc: z.string().min(1),
  polygons: z.array(z.array(LonLat).min(4)),
  circles: z.array(CapCircle),
})
export type CapArea = z.infer<typeof CapArea>

/** One language's block of a message: the server writes one in Vietnamese and one in English. */
export const CapInfo = z.object({
  /** RFC 3066 code: "vi-VN" or "en-US". */
  language: z.string().min(2),
  category: z.array(CapCategory).min(1),
  event: z.string().min(1),
  responseType: z.array(CapResponseType),
  urgency: CapUrgency,
  severity: CapSeverity,
  certainty: CapCertainty,
  onset: CapDateTime.optional(),
  expires: CapDateTime.optional(),
  senderName: z.string().min(1),
  headline: z.string().min(1),
  description: z.string().min(1),
  instruction: z.string().min(1),
  area: z.array(CapArea).min(1),
})
export type CapInfo = z.infer<typeof CapInfo>

/** A CAP 1.2 `<alert>` as the server builds it (scope always Public). */
export const CapMessage = z.object({
  identifier: CapToken,
  sender: CapToken,
  /** Set when the message is published; a draft awaiting approval has none yet. */
  sent: CapDateTime.nullable(),
  status: CapStatus,
  msgType: CapMsgType,
  scope: z.literal('Public'),
  /** Every earlier published message of the same alert, first one first. */
  references: z.array(CapReference),
  /** The IOC alert the message is about, so readers can group its messages. */
  incidents: z.string().min(1),
  info: z.array(CapInfo).min(1),
})
export type CapMessage = z.infer<typeof CapMessage>

/** What a warning says about its alert: the hazard stands (at some level), or it has passed. */
export const WarningPhase = z.enum(['warning', 'all-clear', 'withdrawn'])
export type WarningPhase = z.infer<typeof WarningPhase>

/**
 * pending: awaiting a duty officer; published: public; rejected: a duty officer said no;
 * superseded: a newer draft for the same alert replaced it before anyone decided.
 */
export const WarningState = z.enum(['pending', 'published', 'rejected', 'superseded'])
export type WarningState = z.infer<typeof WarningState>

export const WarningDecision = z.object({
  by: z.string().min(1),
  at: z.number().int(),
  note: z.string(),
})
export type WarningDecision = z.infer<typeof WarningDecision>

/** One public warning message about one alert, as stored. Its id is the CAP identifier. */
export const PublicWarning = z.object({
  id: CapToken,
  alertId: z.string().min(1),
  kind: AlertKind,
  phase: WarningPhase,
  /** The alert's severity the message was drafted for. */
  alertSeverity: z.string().min(1),
  /** Forecast warnings only: the forecast crossing time it was drafted for, epoch ms. */
  forecastFor: z.number().int().optional(),
  state: WarningState,
  /** Epoch ms when drafted. */
  createdAt: z.number().int(),
  /** Epoch ms when published, null before. */
  publishedAt: z.number().int().nullable(),
  decision: WarningDecision.nullable(),
  message: CapMessage,
})
export type PublicWarning = z.infer<typeof PublicWarning>

export const PublicWarningList = z.object({ warnings: z.array(PublicWarning) })
export type PublicWarningList = z.infer<typeof PublicWarningList>

/** Whether an alert kind's warnings go out at once or wait for a duty officer. */
export const WarningPublishing = z.enum(['auto', 'approve'])
export type WarningPublishing = z.infer<typeof WarningPublishing>

export const WarningQuery = z.object({
  state: WarningState.optional().meta({ description: 'Only warnings in this state; default: all' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export type WarningQuery = z.infer<typeof WarningQuery>

/** `POST /warnings/:id/approve`: a note is optional. */
export const ApproveWarningBody = z.object({ note: z.string().max(2000).default('') })
/** `POST /warnings/:id/reject` and `/withdraw`: the reason is required. */
export const RejectWarningBody = z.object({
  note: z.string().trim().min(1, 'a rejection needs a reason').max(2000),
})

/** `GET /warnings/settings`: how each alert kind's warnings are published (server configuration). */
export const WarningSettings = z.object({ publishing: z.record(z.string(), WarningPublishing) })
export type WarningSettings = z.infer<typeof WarningSettings>
