import { z } from 'zod'
import { LonLat } from './geo'

/** What a citizen can report (phản ánh hiện trường); also the Open311 `service_code`s. */
export const CitizenCategory = z.enum(['flood', 'jam', 'traffic-light', 'fallen-tree'])
export type CitizenCategory = z.infer<typeof CitizenCategory>

/** Flood depth as people say it: to the ankle, the knee, the waist. */
export const FloodDepthLevel = z.enum(['ankle', 'knee', 'waist'])
export type FloodDepthLevel = z.infer<typeof FloodDepthLevel>

/**
 * Street depth a spoken level stands for, cm: ankle ≈ 10, knee ≈ 50 (0.285 × a 1.62 m adult), waist ≈
 * 100 (0.6 × height). Knee deep is past the 50 cm "impassable" level of the street sensors (fixtures).
 */
export const DEPTH_LEVEL_CM: Record<FloodDepthLevel, number> = { ankle: 10, knee: 50, waist: 100 }

/** Longest description a citizen may send, characters (an SMS-like note, not a letter). */
export const CITIZEN_TEXT_MAX = 500
/** Largest photo accepted, bytes (before re-encoding). */
export const CITIZEN_PHOTO_MAX_BYTES = 5 * 1024 * 1024

/**
 * `new` until an operator acts; `verified` seen as true (a flood feeds the rules); `rejected` with a
 * reason; `merged` into another report of the same thing; `resolved` when the city has dealt with it.
 */
export const CitizenReportStatus = z.enum(['new', 'verified', 'rejected', 'merged', 'resolved'])
export type CitizenReportStatus = z.infer<typeof CitizenReportStatus>

/** Statuses after which nothing more happens to a report. */
export const CLOSED_CITIZEN_STATUSES: readonly CitizenReportStatus[] = ['rejected', 'merged', 'resolved']

/** A tracking code: 8 Crockford base-32 characters in two groups, e.g. `7K3M-9QAB`. */
export const CitizenReportCode = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, 'expected a tracking code like "7K3M-9QAB"')
export type CitizenReportCode = z.infer<typeof CitizenReportCode>

/** A citizen report as staff see it. The address and device of the sender are never kept. */
export const CitizenReport = z.object({
  code: CitizenReportCode,
  category: CitizenCategory,
  /** Street depth, cm (flood reports only): as given, or the spoken level's depth. */
  depthCm: z.number().nullable(),
  depthLevel: FloodDepthLevel.nullable(),
  location: LonLat,
  /** The district polygon (fixtures/hcmc/districts.geojson) that holds the location. */
  district: z.string(),
  description: z.string(),
  hasPhoto: z.boolean(),
  /** The partner app (its Open311 `api_key`'s name) that sent it; null from the city's own page. */
  via: z.string().nullable().default(null),
  status: CitizenReportStatus,
  /** Epoch ms. */
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** The operator's answer to the citizen, shown on the public status page; the latest one counts. */
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  firstAnsweredAt: z.number().int().nullable(),
  /** When the report was verified, and by whom. */
  verifiedAt: z.number().int().nullable(),
  verifiedBy: z.string().nullable(),
  /** The street flood sensor a verified flood report was read into, as a citizen observation. */
  stationId: z.string().nullable(),
  /** When it was rejected, merged or resolved. */
  closedAt: z.number().int().nullable(),
  closedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  mergedInto: CitizenReportCode.nullable(),
})
export type CitizenReport = z.infer<typeof CitizenReport>

/** What the staff's sockets hear of a report that arrived or changed (`citizen-report:changed`). */
export const CitizenReportChange = CitizenReport.pick({ code: true, status: true, updatedAt: true })
export type CitizenReportChange = z.infer<typeof CitizenReportChange>

/** `GET /api/v1/citizen-reports`: newest first, with the reports each open one may duplicate. */
export const CitizenReportList = z.object({
  reports: z.array(CitizenReport),
  /** Code → codes of other open reports of the same category within 500 m and 1 h (suggested merges). */
  duplicates: z.record(z.string(), z.array(CitizenReportCode)),
})
export type CitizenReportList = z.infer<typeof CitizenReportList>

export const CitizenReportQuery = z.object({
  status: z
    .enum(['open', 'all', ...CitizenReportStatus.options])
    .default('open')
    .meta({ description: '`open`: new and verified (the default); `all`; or one status' }),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})
export type CitizenReportQuery = z.infer<typeof CitizenReportQuery>

const Text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)

/** What an operator does to a report; each is audited. */
export const CitizenReportAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verify') }),
  z.object({ kind: z.literal('reject'), reason: Text(500) }),
  z.object({ kind: z.literal('merge'), into: CitizenReportCode }),
  z.object({ kind: z.literal('answer'), text: Text(1000) }),
  z.object({ kind: z.literal('resolve') }),
])
export type CitizenReportAction = z.infer<typeof CitizenReportAction>

/**
 * A new report as the server takes it from an Open311 `POST requests` (form fields, flattened):
 * `service_code`, `lat`, `long`, `description`, `attribute[depth]` or `attribute[depth_cm]`.
 */
export const NewCitizenReport = z
  .object({
    service_code: CitizenCategory,
    lat: z.coerce.number().min(-90).max(90),
    long: z.coerce.number().min(-180).max(180),
    description: z
      .string()
      .trim()
      .max(CITIZEN_TEXT_MAX, `at most ${CITIZEN_TEXT_MAX} characters`)
      .default(''),
    'attribute[depth]': FloodDepthLevel.optional(),
    'attribute[depth_cm]': z.coerce
      .number()
      .int('expected whole centimetres')
      .min(1, 'at least 1 cm')
      .max(300, 'at most 300 cm')
      .optional(),
    device_id: z.string().max(100).optional(),
  })
  .refine((r) => r.service_code !== 'flood' || r['attribute[depth]'] || r['attribute[depth_cm]'], {
    message: 'a flood report needs attribute[depth] (ankle, knee, waist) or attribute[depth_cm]',
    path: ['attribute[depth]'],
  })
export type NewCitizenReport = z.infer<typeof NewCitizenReport>

/** What anyone may see of a report by its code: no text, photo, sender or exact location. */
export const PublicCitizenReport = z.object({
  code: CitizenReportCode,
  category: CitizenCategory,
  status: CitizenReportStatus,
  /** Open311's two states: `closed` once rejected, merged or resolved. */
  open311Status: z.enum(['open', 'closed']),
  answer: z.string().nullable(),
  district: z.string(),
  /** Rounded to 0.01° (about 1 km). */
  coarseLocation: LonLat,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** The report this one was merged into, whose status and answer it now shows. */
  mergedInto: CitizenReportCode.nullable(),
})
export type PublicCitizenReport = z.infer<typeof PublicCitizenReport>

/** A proof-of-work challenge (hashcash-style), issued by the server and solved by the browser. */
export const PowChallenge = z.object({
  challenge: z.string(),
  /** Leading zero bits SHA-256(challenge + ":" + nonce) must have. */
  bits: z.number().int().min(0).max(32),
  expiresAt: z.number().int(),
})
export type PowChallenge = z.infer<typeof PowChallenge>
