import { createAlertBook } from '@ioc/alerts'
import { PARTITION_COUNT, partitionOfSubject } from '@ioc/cluster'
import type { Alert, AlertEvent } from '@ioc/domain'
import {
  type AlertService,
  type AlertServiceDeps,
  describeRefusal,
  openAlertsOf,
  publishChanges,
  refuseAssignment,
  refuseSilence,
} from '../alerts/alert-service'
import { createWebhookNotifier } from '../alerts/webhook-notifier'
import { ownPartitions } from './partition-owner'
import type { PartitionOwnership } from './partition-ownership'
import { partitionRequests, type RequestBody } from './partition-requests'
import { handOffObservations, type StreamRedis } from './partition-streams'

/** How long a request waits for its partition's owner: a takeover (the partition TTL and a period) and a turn. */
const ASK_TIMEOUT_MS = 30_000

const partitions = Array.from({ length: PARTITION_COUNT }, (_, p) => p)

/**
 * The alert lifecycle of an instance among several (docs/scaling-out.md, "Partitioned engine"): a
 * batch is stored, then handed to its partitions' owners on their Redis streams, and answered after
 * both; the owners (this instance among them, `ownPartitions`) judge it. Everything else that steps
 * the lifecycle goes to the owner of the alert's or subject's partition as a request on the same
 * stream, and waits for its answer. No lock is shared by the instances: each partition's turns are
 * fenced by its own checkpoint row. What this instance shows (`openAlerts`) is a book of its own,
 * kept from what its owners commit and what the others announce (`adopt`).
 */
export async function createPartitionedAlertService(
  deps: AlertServiceDeps & {
    ownership: PartitionOwnership
    /** For XADD and the owner's replies; `reader` blocks in XREAD, `subscriber` listens for answers. */
    redis: StreamRedis
    reader: StreamRedis
    subscriber: StreamRedis
    prefix: string
    instanceId: string
  },
): Promise<AlertService> {
  const { store, network, config, emit, logger, redis, prefix } = deps
  const notifier = createWebhookNotifier(config.webhooks, store, logger)
  const shown = createAlertBook(await store.loadAlertBook(Date.now()))
  const owner = ownPartitions({
    ownership: deps.ownership,
    store,
    reader: deps.reader,
    prefix,
    network,
    rules: deps.rules,
    logger,
    onCommitted(changes) {
      for (const c of changes) shown.adopt(c.alert)
      publishChanges(changes, emit, notifier)
    },
    // Pushed and announced again, not notified: a webhook already sent must not go twice.
    onClaimed(alerts) {
      for (const a of alerts) {
        shown.adopt(a)
        if (!a.silenced) emit.alertChanged(a)
      }
    },
  })
  const asks = await partitionRequests({
    redis,
    subscriber: deps.subscriber,
    prefix,
    instanceId: deps.instanceId,
    timeoutMs: ASK_TIMEOUT_MS,
  })

  /** Asks every partition's owner; the alerts their turns changed. */
  async function askEvery(body: RequestBody): Promise<Alert[]> {
    const answers = await Promise.all(partitions.map((p) => asks.ask(p, body)))
    return answers.flatMap((a) => (a.ok ? a.alerts : []))
  }

  return {
    async ingest(batch) {
      const result = await store.insertObservations(batch)
      // The whole batch, not only what was new: a retried batch may have been stored by an instance
      // that died before handing it off, and the owners skip what they have judged.
      await handOffObservations(redis, prefix, batch)
      return result
    },

    async tick(nowMs) {
      await askEvery({ type: 'tick', nowMs })
    },

    async escalate(nowMs) {
      await askEvery({ type: 'escalate', beforeMs: nowMs - config.escalateAfterMs, nowMs })
    },

    async commitEvents(events, nowMs) {
      const byPartition = new Map<number, AlertEvent[]>()
      for (const e of events) {
        const p = partitionOfSubject(e.subject)
        byPartition.set(p, [...(byPartition.get(p) ?? []), e])
      }
      const answers = await Promise.all(
        [...byPartition].map(([p, mine]) => asks.ask(p, { type: 'events', events: mine, nowMs })),
      )
      return answers.flatMap((a) => (a.ok ? a.alerts : []))
    },

    async act(id, action, by, origin) {
      const refused = await refuseAssignment(store, action)
      if (refused) return { ok: false, error: refused }
      const alert = shown.get(id)?.alert ?? (await store.getAlert(id))
      if (!alert) return { ok: false, error: describeRefusal(id, { code: 'not_found' }) }
      const answer = await asks.ask(partitionOfSubject(alert.subject), {
        type: 'act',
        alertId: id,
        action,
        by,
        origin,
        atMs: Date.now(),
      })
      if (!answer.ok) return { ok: false, error: describeRefusal(id, answer.error) }
      const changed = answer.alerts[0]
      if (!changed) throw new Error(`the action on alert ${id} was answered without the alert`)
      shown.adopt(changed)
      return { ok: true, value: changed }
    },

    async createSilence(silence, by) {
      const now = Date.now()
      const refused = refuseSilence(silence, network, now)
      if (refused) return { ok: false, error: refused }
      const created = await store.createSilence(silence, by, now)
      await asks.ask(partitionOfSubject(created.subject), { type: 'silence', silence: created })
      shown.applySilence(created)
      emit.silenceChanged(created)
      return { ok: true, value: created }
    },

    async cancelSilence(id) {
      const cancelled = await store.cancelSilence(id, Date.now())
      if (!cancelled) return { ok: false, error: { code: 'not_found', message: `no active silence "${id}"` } }
      await asks.ask(partitionOfSubject(cancelled.subject), { type: 'silence', silence: cancelled })
      shown.applySilence(cancelled)
      emit.silenceChanged(cancelled)
      return { ok: true, value: cancelled }
    },

    openAlerts: () => openAlertsOf(shown),

    // Announced by the instance that stored it (alert:stored): only what this one shows changes.
    adopt: (alert) => shown.adopt(alert),

    async close() {
      await owner.close()
      await asks.close()
      await notifier.close()
    },
  }
}
