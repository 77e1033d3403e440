import type { Alert, WebhookDelivery } from '@ioc/domain'
import type { Logger } from 'pino'
import type { AlertStore } from '../store/alert-store'
import type { AlertConfig } from './alert-config'

export interface WebhookNotifier {
  /** Sends the alert to every configured URL in the background, retrying with exponential backoff. */
  notify(alert: Alert, reason: WebhookDelivery['reason']): void
  /** Stops retrying and waits for attempts in flight. */
  close(): Promise<void>
}

/** Deliveries in flight or waiting for a retry; beyond this a notice is recorded as dropped. */
const MAX_PENDING = 1000

/**
 * Outbound notices of critical alerts for SMS or chat gateways. Each attempt is recorded, and a
 * success adds a `notified` transition to the alert's audit trail. Retries live in memory: a notice
 * still retrying when the server stops is not resumed (the deliveries table shows it unfinished).
 */
export function createWebhookNotifier(
  config: AlertConfig['webhooks'],
  store: AlertStore,
  logger: Logger,
): WebhookNotifier {
  const pending = new Set<Promise<void>>()
  const timers = new Set<NodeJS.Timeout>()
  let closed = false

  const wait = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t)
        resolve(!closed)
      }, ms)
      timers.add(t)
    })

  async function attempt(
    url: string,
    body: string,
  ): Promise<Pick<WebhookDelivery, 'status' | 'ok' | 'error'>> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(config.timeoutMs),
      })
      await res.body?.cancel()
      return { status: res.status, ok: res.ok, error: res.ok ? null : `answered ${res.status}` }
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } }
      return { status: null, ok: false, error: e.cause?.code ?? e.name ?? e.message }
    }
  }

  async function deliver(alert: Alert, reason: WebhookDelivery['reason'], url: string): Promise<void> {
    const body = JSON.stringify({ reason, alert })
    for (let n = 1; n <= config.attempts; n++) {
      const at = Date.now()
      const started = performance.now()
      const result = await attempt(url, body)
      const durationMs = performance.now() - started
      await store.recordDelivery({ alertId: alert.id, url, reason, attempt: n, at, durationMs, ...result })
      if (result.ok) {
        await store.appendTransition({
          alertId: alert.id,
          action: 'notified',
          at: Date.now(),
          by: 'system',
          origin: url,
          note: '',
          details: { reason, attempt: n },
        })
        return
      }
      logger.warn({ url, alertId: alert.id, attempt: n, error: result.error }, 'webhook delivery failed')
      if (n < config.attempts && !(await wait(config.retryBaseMs * 2 ** (n - 1)))) return
    }
  }

  return {
    notify(alert, reason) {
      if (closed) return
      for (const url of config.urls) {
        if (pending.size >= MAX_PENDING) {
          logger.error({ url, alertId: alert.id }, 'webhook queue full: notice dropped')
          continue
        }
        const p = deliver(alert, reason, url)
          .catch((err: unknown) => logger.error({ err, url, alertId: alert.id }, 'webhook delivery crashed'))
          .finally(() => pending.delete(p))
        pending.add(p)
      }
    },
    async close() {
      closed = true
      for (const t of timers) clearTimeout(t)
      timers.clear()
      await Promise.all(pending)
    },
  }
}
