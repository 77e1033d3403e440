import type { AlertAction } from '@ioc/domain'

/** The HTTP request for a duty officer's action (bodies are domain `AckBody`, `AssignBody`, `ResolveBody`). */
export function alertRequest(alertId: string, action: AlertAction): { path: string; body: unknown } {
  const base = `/api/v1/alerts/${encodeURIComponent(alertId)}`
  switch (action.type) {
    case 'acknowledge':
      return { path: `${base}/ack`, body: { note: action.note } }
    case 'assign':
      return { path: `${base}/assign`, body: { to: action.to } }
    case 'resolve':
      return { path: `${base}/resolve`, body: { note: action.note, force: action.force } }
  }
}
