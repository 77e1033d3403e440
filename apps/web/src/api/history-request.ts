import type { AlertSubject, History } from '@ioc/domain'
import { type ApiClient, answer } from './api-client'
import type { ApiRequest } from './use-api-resource'

export interface HistoryRange {
  /** Epoch ms, inclusive. */
  from: number
  /** Epoch ms, exclusive. */
  to: number
  /** Longer ranges come back averaged into at most this many buckets. */
  maxPoints: number
}

/** A road segment's speeds or a station's readings over a range, for `useApiResource`. */
export function historyRequest(
  api: ApiClient,
  subject: AlertSubject,
  range: HistoryRange,
): ApiRequest<History> {
  // The query takes epoch ms as a string (it also takes ISO 8601).
  const query = { from: String(range.from), to: String(range.to), maxPoints: range.maxPoints }
  return {
    key: `history ${subject.type}:${subject.id} ${range.from}–${range.to}/${range.maxPoints}`,
    load: (signal) =>
      subject.type === 'segment'
        ? answer(
            api.GET('/api/v1/history/traffic/{segmentId}', {
              params: { path: { segmentId: subject.id }, query },
              signal,
            }),
          )
        : answer(
            api.GET('/api/v1/history/water/{stationId}', {
              params: { path: { stationId: subject.id }, query },
              signal,
            }),
          ),
  }
}
