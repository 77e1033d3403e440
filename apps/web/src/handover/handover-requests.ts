import type { ShiftHandover, ShiftHandoverList } from '@ioc/domain'
import { type ApiClient, answer } from '../api/api-client'

/** The handover of the shift `[from, to)` as of now, not stored. */
export function loadHandoverDraft(
  api: ApiClient,
  from: number,
  to: number,
  signal: AbortSignal,
): Promise<ShiftHandover> {
  return answer(api.GET('/api/v1/handovers/draft', { params: { query: { from, to } }, signal }))
}

export function saveHandover(api: ApiClient, from: number, to: number, note: string): Promise<ShiftHandover> {
  return answer(api.POST('/api/v1/handovers', { body: { from, to, note } }))
}

export function loadHandovers(api: ApiClient, signal: AbortSignal): Promise<ShiftHandoverList> {
  return answer(api.GET('/api/v1/handovers', { params: { query: { limit: 30 } }, signal }))
}
