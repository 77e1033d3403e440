import { RecordedAlerts } from '@ioc/alerts'
import type { Observation } from '@ioc/domain'
import { indexNetwork } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig } from '@ioc/rules'
import { afterEach, expect, test } from 'vitest'
import { openSqliteStore } from '../store/sqlite/sqlite-store'
import { EngineCheckpoints } from './engine-checkpoints'
import { ReplayRun } from './replay-run'

const T0 = Date.parse('2025-11-06T15:00:00+07:00')
const MIN = 60_000
const store = openSqliteStore(':memory:')
afterEach(() => store.close())

test('a seek shows the sensor-silent alert its own tick raises', async () => {
  // Phú An reports every 10 min until 15:50, then falls silent; silent after 3 × 10 min (rules default).
  const readings: Observation[] = Array.from({ length: 6 }, (_, i) => ({
    type: 'water',
    stationId: 'phu-an',
    observedAt: new Date(T0 + i * 10 * MIN).toISOString(),
    value: 1.2,
    source: 'sihymete',
  }))
  await store.insertObservations(readings)
  const run = new ReplayRun({
    store,
    index: indexNetwork(loadNetwork()),
    rules: defaultRulesConfig(),
    checkpoints: new EngineCheckpoints(1 << 20),
    chain: 'default',
    anchorMs: T0,
    recorded: RecordedAlerts.of([], T0),
    nowMs: Date.now,
  })
  const snapshot = await run.seek(T0 + 2 * 60 * MIN)
  expect(snapshot.replayedAlerts.map((a) => [a.key, a.kind, a.active])).toContainEqual([
    'sensor-silent:phu-an',
    'sensor-silent',
    true,
  ])
})
