import { solveChallenge } from '@ioc/citizen'
import type { CitizenCategory, FloodDepthLevel, PowChallenge } from '@ioc/domain'

/** A request as `GET /open311/v2/requests/<code>.json` shows it (citizen/open311-routes.ts on the server). */
export interface Open311Request {
  service_request_id: string
  status: 'open' | 'closed'
  status_notes: string | null
  service_code: CitizenCategory
  requested_datetime: string
  updated_datetime: string
  address: string
  lat: number
  long: number
  ioc_status: 'new' | 'verified' | 'rejected' | 'merged' | 'resolved'
  ioc_merged_into: string | null
}

export interface NewReport {
  category: CitizenCategory
  depth: { level: FloodDepthLevel } | { cm: number } | null
  /** [longitude, latitude]. */
  location: [number, number]
  description: string
  photo: File | null
  deviceId: string
}

/** Why the server refused, in its words (GeoReport v2 errors: `[{ code, description }]`). */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function refusal(res: Response): Promise<Open311Error> {
  // Our Open311 routes answer `[{ code, description }]`; the shared public front (429, 405) an ApiError.
  const body = (await res.json().catch(() => null)) as
    | { description?: string }[]
    | { message?: string }
    | null
  const message = Array.isArray(body) ? body[0]?.description : body?.message
  return new Open311Error(res.status, message ?? `HTTP ${res.status}`)
}

/**
 * Sends a report the way any Open311 app would, plus the proof of work: a challenge from the server,
 * solved here with WebCrypto (a second or so on a phone). Resolves with the tracking code.
 */
export async function submitReport(r: NewReport, signal?: AbortSignal): Promise<string> {
  const challengeRes = await fetch('/open311/v2/challenge.json', { signal })
  if (!challengeRes.ok) throw await refusal(challengeRes)
  const pow = (await challengeRes.json()) as PowChallenge
  const nonce = await solveChallenge(pow.challenge, pow.bits, signal ? { signal } : {})
  const form = new FormData()
  form.append('service_code', r.category)
  form.append('long', String(r.location[0]))
  form.append('lat', String(r.location[1]))
  if (r.description) form.append('description', r.description)
  if (r.depth && 'level' in r.depth) form.append('attribute[depth]', r.depth.level)
  if (r.depth && 'cm' in r.depth) form.append('attribute[depth_cm]', String(r.depth.cm))
  form.append('device_id', r.deviceId)
  form.append('pow_challenge', pow.challenge)
  form.append('pow_nonce', String(nonce))
  if (r.photo) form.append('media', r.photo, r.photo.name)
  const res = await fetch('/open311/v2/requests.json', { method: 'POST', body: form, signal })
  if (!res.ok) throw await refusal(res)
  const [created] = (await res.json()) as { service_request_id: string }[]
  if (!created) throw new Open311Error(res.status, 'no tracking code in the answer')
  return created.service_request_id
}

export async function fetchReportStatus(code: string, signal?: AbortSignal): Promise<Open311Request | null> {
  const res = await fetch(`/open311/v2/requests/${encodeURIComponent(code)}.json`, { signal })
  if (res.status === 404) return null
  if (!res.ok) throw await refusal(res)
  return ((await res.json()) as Open311Request[])[0] ?? null
}
