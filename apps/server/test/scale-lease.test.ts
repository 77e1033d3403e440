import type { ChildProcess } from 'node:child_process'
import type { AlertList } from '@ioc/domain'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDeployment, type Deployment, until } from './scale-cluster'
import { serveProcess } from './serve-process'
import { level, ndjson } from './test-server'

const LEASE_TTL_MS = 1000
const children: ChildProcess[] = []
let d: Deployment

beforeAll(async () => {
  d = await createDeployment('lease', {
    LEASE_TTL_MS: String(LEASE_TTL_MS),
    ESCALATE_AFTER_S: '0.5',
    LOG_LEVEL: 'info',
  })
})
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  await d?.stop()
})

/** `ioc serve` as instance `instanceId` of the deployment, in a process of its own so it can die without a word. */
const serve = (instanceId: string) => serveProcess(d.envOf(instanceId), children)

test('killing the instance that holds the lease moves the clock-driven rules to the other', async () => {
  const [one, two] = await Promise.all([serve('ioc-one'), serve('ioc-two')])
  const first = await until(d.leader, (l) => l !== null)
  expect(['ioc-one', 'ioc-two']).toContain(first)
  const [dead, survivor] = first === 'ioc-one' ? [one, two] : [two, one]

  dead.child.kill('SIGKILL')
  // Nobody releases the lease: it expires, and the survivor takes it at its next attempt.
  const next = await until(d.leader, (l) => l !== null && l !== first, 5 * LEASE_TTL_MS)
  expect(next).toBe(first === 'ioc-one' ? 'ioc-two' : 'ioc-one')

  // Escalation is clock-driven: a critical alert nobody acknowledges escalates, now on the survivor.
  const s = d.instance(survivor.url)
  const res = await s.ingest(ndjson([level('phu-an', 1.3, Date.now() - 20 * 60_000), level('phu-an', 1.66)]))
  expect(res.status).toBe(200)
  const token = await s.login('duty-officer')
  const list = await until(
    async () => (await (await s.api('/alerts?state=open', { token })).json()) as AlertList,
    (l) => l.alerts.some((a) => a.key === 'water-level:phu-an' && a.escalatedAt !== null),
  )
  expect(list.alerts.find((a) => a.key === 'water-level:phu-an')).toMatchObject({
    severity: 'critical',
    ack: null,
    escalatedAt: expect.any(Number),
  })
}, 60_000)
