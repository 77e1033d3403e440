import type { OperationalIncident, OperationalIncidentAction, OperationalIncidentDetail } from '@ioc/domain'
import { type ApiClient, answer } from '../api/api-client'

/** Sends a duty officer's action on an incident; resolves to the incident as the server left it. */
export function sendIncidentAction(
  api: ApiClient,
  id: string,
  action: OperationalIncidentAction,
): Promise<OperationalIncident> {
  const params = { path: { id } }
  switch (action.type) {
    case 'acknowledge':
      return answer(
        api.POST('/api/v1/operational-incidents/{id}/ack', { params, body: { note: action.note } }),
      )
    case 'assign':
      return answer(
        api.POST('/api/v1/operational-incidents/{id}/assign', { params, body: { to: action.to } }),
      )
    case 'resolve':
      return answer(
        api.POST('/api/v1/operational-incidents/{id}/resolve', {
          params,
          body: { note: action.note, force: action.force },
        }),
      )
    case 'tick': {
      const { procedureId, stepId, done } = action
      return answer(
        api.POST('/api/v1/operational-incidents/{id}/tick', { params, body: { procedureId, stepId, done } }),
      )
    }
  }
}

/** The incident and its trail. */
export function loadIncidentDetail(
  api: ApiClient,
  id: string,
  signal: AbortSignal,
): Promise<OperationalIncidentDetail> {
  return answer(api.GET('/api/v1/operational-incidents/{id}', { params: { path: { id } }, signal }))
}
