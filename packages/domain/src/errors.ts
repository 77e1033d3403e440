import { z } from 'zod'

/** One problem in a request, located precisely enough to fix it: NDJSON line or array index, and field path. */
export const Issue = z.object({
  line: z.number().int().positive().optional(),
  index: z.number().int().nonnegative().optional(),
  field: z.string(),
  message: z.string(),
})
export type Issue = z.infer<typeof Issue>

export const ErrorCode = z.enum([
  'invalid_request',
  'invalid_observations',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'not_implemented',
  'internal',
])
export type ErrorCode = z.infer<typeof ErrorCode>

/** The single table from error code to HTTP status. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  invalid_observations: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  not_implemented: 501,
  internal: 500,
}

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(Issue).optional(),
})
export type ApiError = z.infer<typeof ApiError>

/** Turns zod's issues into ours, prefixing the field path the way maplibre-style-spec prefixes keys. */
export function issuesFromZod(error: z.ZodError, where: { line?: number; index?: number } = {}): Issue[] {
  return error.issues.map((i) => ({
    ...where,
    field: i.path.length ? i.path.map(String).join('.') : '(root)',
    message: i.message,
  }))
}
