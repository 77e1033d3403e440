import type { Alert, AlertAction } from '@ioc/domain'
import { useCallback, useMemo, useReducer, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, ApiRequestError } from '../api/api-client'
import { NO_OPTIMISM, optimisticAlerts, reduceOptimistic } from './optimistic-queue'
import { sendAlertAction } from './send-alert-action'

export interface ActionFailure {
  alertId: string
  action: AlertAction['type']
  /** The server's own words (e.g. who acknowledged first), shown verbatim. */
  message: string
}

export interface AlertActions {
  /** The open alerts with this officer's actions in flight already applied. */
  alerts: Alert[]
  /** Sends the action over HTTP; resolves false when the server refused it and the guess was rolled back. */
  act(alertId: string, action: AlertAction): Promise<boolean>
  failure: ActionFailure | null
  dismissFailure(): void
}

/** Acts on alerts with optimistic updates: shown at once, rolled back with the server's message on any error. */
export function useAlertActions(api: ApiClient, feedAlerts: readonly Alert[], user: string): AlertActions {
  const { t } = useTranslation()
  const [state, dispatch] = useReducer(reduceOptimistic, NO_OPTIMISM)
  const [failure, setFailure] = useState<ActionFailure | null>(null)
  const nextId = useRef(1)

  const act = useCallback(
    async (alertId: string, action: AlertAction) => {
      const pendingId = nextId.current++
      dispatch({ type: 'sent', pending: { id: pendingId, alertId, action, by: user, at: Date.now() } })
      setFailure(null)
      try {
        const alert = await sendAlertAction(api, alertId, action)
        dispatch({ type: 'confirmed', pendingId, alert })
        return true
      } catch (err) {
        dispatch({ type: 'refused', pendingId })
        const message =
          err instanceof ApiRequestError
            ? (err.body?.message ?? t('console.error.http', { status: err.status }))
            : t('console.error.network')
        setFailure({ alertId, action: action.type, message })
        return false
      }
    },
    [api, user, t],
  )

  const alerts = useMemo(() => optimisticAlerts(feedAlerts, state), [feedAlerts, state])
  const dismissFailure = useCallback(() => setFailure(null), [])
  return { alerts, act, failure, dismissFailure }
}
