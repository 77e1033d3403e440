import type { Alert, AlertAction } from '@ioc/domain'
import { type ApiClient, answer } from '../api/api-client'

/** Sends a duty officer's action over HTTP; resolves to the alert as the server left it. */
export function sendAlertAction(api: ApiClient, id: string, action: AlertAction): Promise<Alert> {
  const params = { path: { id } }
  switch (action.type) {
    case 'acknowledge':
      return answer(api.POST('/api/v1/alerts/{id}/ack', { params, body: { note: action.note } }))
    case 'assign':
      return answer(api.POST('/api/v1/alerts/{id}/assign', { params, body: { to: action.to } }))
    case 'resolve':
      return answer(
        api.POST('/api/v1/alerts/{id}/resolve', { params, body: { note: action.note, force: action.force } }),
      )
  }
}
