import type { AuditAction } from '@ioc/domain'
import type { Logger } from 'pino'
import type { Store } from '../store/store'

export interface AuditEvent {
  actor: string
  action: AuditAction
  target?: string | null
  origin: string
  reason?: string | null
}

export type Audit = (event: AuditEvent) => Promise<void>

/** Writes security events to the store's append-only log and to the process log. */
export function createAudit(store: Store, logger: Logger): Audit {
  return async (e) => {
    const entry = { at: Date.now(), target: null, reason: null, ...e }
    logger.info({ audit: entry }, `audit: ${e.action}`)
    await store.appendAudit(entry)
  }
}
