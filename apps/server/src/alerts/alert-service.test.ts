import type { Alert, Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig } from '@ioc/rules'
import pino from 'pino'
import { afterEach, expect, test } from 'vitest'
import { tempSqliteStore } from '../store/sqlite/temp-sqlite-store'
import type { Store } from '../store/store'
import { createAlertService } from './alert-service'

const config = {
  rulesConfigPath: '',
  escalateAfterMs: 300_000,
  tickMs: 30_000,
  webhooks: { urls: [], attempts: 1, retryBaseMs: 10, timeoutMs: 100 },
}
const closing: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closing.splice(0)) await close()
})

/** The alert service on a SQLite store whose next turn fails to persist, as a full disk would. */
async function serviceFailingOnce() {
  const temp = await tempSqliteStore('alert-service')
  let fail = true
  const failOnce = () => {
    if (!fail) return
    fail = false
    throw new Error('disk full')
  }
  const store: Store = {
    ...temp.store,
    async persistTurn(turn) {
      failOnce()
      return temp.store.persistTurn(turn)
    },
    async persistSteppedTurn(observations, step) {
      failOnce()
      return temp.store.persistSteppedTurn(observations, step)
    },
  }
  const pushed: Alert[] = []
  const alerts = await createAlertService({
    store,
    network: loadNetwork(),
    rules: defaultRulesConfig(),
    config,
    emit: { alertChanged: (a) => pushed.push(a), silenceChanged: () => {} },
    logger: pino({ level: 'silent' }),
  })
  closing.push(async () => {
    await alerts.close()
    await temp.close()
  })
  return { alerts, pushed }
}

test('a batch whose commit failed raises its alert when sent again: the engine is rebuilt from the store', async () => {
  const { alerts, pushed } = await serviceFailingOnce()
  const batch: Observation[] = [
    {
      type: 'water',
      stationId: 'phu-an',
      observedAt: new Date(Date.now() - 60_000).toISOString(),
      value: 1.62,
      source: 'sihymete',
    },
  ]
  await expect(alerts.ingest(batch)).rejects.toThrow('disk full')
  expect(pushed).toEqual([])
  // The engine had judged the reading before the commit failed; judged from the store again, it raises.
  expect(await alerts.ingest(batch)).toMatchObject({ accepted: 1, duplicates: 0 })
  expect(pushed.filter((a) => a.key === 'water-level:phu-an').map((a) => a.severity)).toEqual(['critical'])
  expect(alerts.openAlerts().map((a) => a.key)).toContain('water-level:phu-an')
})
