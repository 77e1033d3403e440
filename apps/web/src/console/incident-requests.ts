import type { OperationalIncident, OperationalIncidentAction } from '@ioc/domain'
import type { ApiClient } from '../connection/api-client'

const PATHS = { acknowledge: 'ack', assign: 'assign', resolve: 'resolve', tick: 'tick' } as const

/** Sends a duty officer's action on an incident; resolves to the incident as the server left it. */
export function sendIncidentAction(
  api: ApiClient,
  id: string,
  action: OperationalIncidentAction,
): Promise<OperationalIncident> {
  const { type, ...body } = action
  return api.post<OperationalIncident>(`${incidentPath(id)}/${PATHS[type]}`, body)
}

/** `GET` it for the incident and its trail. */
export function incidentPath(id: string): string {
  return `/api/v1/operational-incidents/${encodeURIComponent(id)}`
}
