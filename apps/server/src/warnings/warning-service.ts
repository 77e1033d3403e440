import { randomUUID } from 'node:crypto'
import {
  draftWarning,
  planWarning,
  publishWarning,
  WARNING_KINDS,
  warningPlace,
  withdrawWarning,
} from '@ioc/cap'
import type { Alert, ApiError, Network, PublicWarning, Result } from '@ioc/domain'
import type { Logger } from 'pino'
import type { Audit } from '../auth/audit-log'
import type { Store } from '../store/store'
import type { WarningConfig } from './warning-config'

export type WarningResult = Result<PublicWarning, ApiError>

export interface WarningService {
  /** Drafts (or publishes, where the kind auto-publishes) what the changed alert means for the public. */
  alertChanged(alert: Alert): void
  /** Plans again every alert that is open or has a warning standing: after a start, nothing is missed. */
  reconcile(): Promise<void>
  approve(id: string, by: string, note: string, origin: string): Promise<WarningResult>
  reject(id: string, by: string, note: string, origin: string): Promise<WarningResult>
  /** Withdraws the published messages of a warning's alert with a Cancel. */
  withdraw(id: string, by: string, note: string, origin: string): Promise<WarningResult>
  /** Resolves once every alert change handed in so far is stored. */
  settled(): Promise<void>
}

const KINDS = new Set(WARNING_KINDS)
/** Retries of a plan that raced a duty officer's decision on the same alert (WarningStore.addWarnings). */
const PLAN_ATTEMPTS = 3

/**
 * The CAP publisher: it listens at the alert lifecycle's output (every stored alert change), plans each
 * alert's next public message with packages/cap and keeps the messages in the store. Alert changes are
 * handled one at a time in order, so a level rise and its fall are never planned out of order.
 */
export function createWarningService(deps: {
  store: Store
  network: Network
  config: WarningConfig
  audit: Audit
  logger: Logger
}): WarningService {
  const { store, network, config, audit, logger } = deps
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job)
    queue = run.catch(() => undefined)
    return run
  }

  async function plan(alert: Alert): Promise<void> {
    for (let attempt = 0; attempt < PLAN_ATTEMPTS; attempt++) {
      const history = await store.listWarnings({ alertId: alert.id, limit: 500 })
      const next = planWarning(alert, history)
      if (next.type === 'none') return
      if (next.type === 'drop') {
        if (await store.addWarnings([], next.supersede)) return
        continue
      }
      const place = warningPlace(network, alert.subject)
      if (!place) return void logger.warn({ alert: alert.id }, 'no place in the network for a public warning')
      const now = Date.now()
      const draft = draftWarning(
        alert,
        place,
        { phase: next.phase, msgType: next.msgType, identifier: randomUUID() },
        history.filter((w) => w.state === 'published'),
        config.source,
        now,
      )
      const auto = config.publishing[alert.kind] === 'auto'
      const stored = auto ? publishWarning(draft, null, now) : draft
      if (await store.addWarnings([stored], next.supersede)) {
        logger.info({ warning: stored.id, alert: alert.id, state: stored.state }, 'public warning drafted')
        return
      }
    }
    logger.warn({ alert: alert.id }, 'public warning not planned: decisions kept racing it')
  }

  const handle = (alert: Alert) =>
    serial(() => plan(alert)).catch((err) => logger.error({ err, alert: alert.id }, 'public warning failed'))

  async function decide(
    id: string,
    decision: { state: 'published' | 'rejected'; by: string; note: string; origin: string },
  ): Promise<WarningResult> {
    return serial(async () => {
      const w = await store.getWarning(id)
      if (!w) return { ok: false, error: { code: 'not_found', message: `no warning "${id}"` } }
      if (w.state !== 'pending') return { ok: false, error: notPending(w) }
      const at = Date.now()
      const made = { by: decision.by, at, note: decision.note }
      const next: PublicWarning =
        decision.state === 'published'
          ? publishWarning(w, made, at)
          : { ...w, state: 'rejected', decision: made }
      if (!(await store.decideWarning(next))) {
        const now = (await store.getWarning(id)) as PublicWarning
        return { ok: false, error: notPending(now) }
      }
      await audit({
        actor: decision.by,
        action: decision.state === 'published' ? 'warning-approved' : 'warning-rejected',
        target: id,
        origin: decision.origin,
        reason: decision.note || null,
      })
      return { ok: true, value: next }
    })
  }

  return {
    alertChanged(alert) {
      if (KINDS.has(alert.kind)) void handle(alert)
    },

    async reconcile() {
      const open = await store.listAlerts({ state: 'open' })
      const standing = await store.listWarnings({ state: 'published', limit: 500 })
      const ids = new Set([...open.map((a) => a.id), ...standing.map((w) => w.alertId)])
      for (const id of ids) {
        const alert = open.find((a) => a.id === id) ?? (await store.getAlert(id))
        if (alert && KINDS.has(alert.kind)) await handle(alert)
      }
    },

    approve: (id, by, note, origin) => decide(id, { state: 'published', by, note, origin }),
    reject: (id, by, note, origin) => decide(id, { state: 'rejected', by, note, origin }),

    withdraw(id, by, note, origin) {
      return serial(async () => {
        const w = await store.getWarning(id)
        if (!w) return { ok: false, error: { code: 'not_found', message: `no warning "${id}"` } }
        const own = await store.listWarnings({ alertId: w.alertId, limit: 500 })
        const at = Date.now()
        if (own.some((m) => m.state === 'published' && m.phase === 'withdrawn'))
          return {
            ok: false,
            error: { code: 'conflict', message: 'the warnings of this alert are already withdrawn' },
          }
        const cancel = withdrawWarning(own, randomUUID(), { by, at, note }, config.source)
        if (!cancel)
          return { ok: false, error: { code: 'conflict', message: 'nothing of this alert is public' } }
        const pending = own.filter((m) => m.state === 'pending').map((m) => m.id)
        if (!(await store.addWarnings([cancel], pending)))
          return {
            ok: false,
            error: { code: 'conflict', message: 'a draft of this alert was just decided; try again' },
          }
        await audit({ actor: by, action: 'warning-withdrawn', target: cancel.id, origin, reason: note })
        return { ok: true, value: cancel }
      })
    },

    async settled() {
      await serial(async () => undefined)
    },
  }
}

function notPending(w: PublicWarning): ApiError {
  const who = w.decision ? ` by ${w.decision.by} at ${new Date(w.decision.at).toISOString()}` : ''
  return { code: 'conflict', message: `the warning is already ${w.state}${who}` }
}
