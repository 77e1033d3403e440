import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateObservations, loadScenario, loadWorld } from '@ioc/simulator'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import { network } from './test-server'

const run = promisify(execFile)
const BIN = new URL('../bin/ioc.mjs', import.meta.url).pathname
const dataDir = mkdtempSync(join(tmpdir(), 'ioc-backtest-'))
const ioc = (...args: string[]) =>
  run(process.execPath, [BIN, ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } })

beforeAll(async () => {
  // Nine days up to the king tide's evening in the store: the tide gauges and two segments.
  const { scenario } = loadScenario('king-tide-2025-11-06')
  const segments = network.segments.filter((s) => s.name === 'Nguyễn Hữu Cảnh').slice(0, 2)
  const observations = [
    ...generateObservations(
      {
        ...scenario,
        from: '2025-10-28T00:00:00+07:00',
        traffic: { ...scenario.traffic, segmentIds: segments.map((s) => s.id) },
      },
      loadWorld(),
    ),
  ].filter((o) => o.type === 'traffic' || o.stationId === 'phu-an' || o.stationId === 'nha-be')
  // Two days of Phú An and Nhà Bè as if imported from real gauges (`ioc import`), a month earlier: its own source.
  const imported = observations
    .filter((o) => o.type === 'water' && o.observedAt < '2025-10-30')
    .map((o) => ({
      ...o,
      observedAt: new Date(Date.parse(o.observedAt) - 30 * 86_400_000).toISOString(),
      source: 'import:tram-phu-an',
    }))
  const store = openSqliteStore(join(dataDir, 'ioc.sqlite'))
  await store.insertObservations(imported)
  for (let i = 0; i < observations.length; i += 5000)
    await store.insertObservations(observations.slice(i, i + 5000))
  await store.close()
}, 120_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

test('ioc backtest prints the skill table of the stored period against its baselines', async () => {
  const { stdout } = await ioc(
    'backtest',
    '--from',
    '2025-11-05T00:00:00+07:00',
    '--to',
    '2025-11-06T18:00:00+07:00',
  )
  expect(stdout).toMatch(/^Forecast backtest 2025-11-05 00:00 → 2025-11-06 18:00 \(UTC\+7\)/)
  const water = stdout.split('\n').filter((l) => /^[136] h /.test(l))
  expect(water).toHaveLength(3)
  // Every lead was scored, the forecast and both baselines (MAE / bias columns).
  for (const row of water)
    expect(row).toMatch(
      /^\d h\s+[1-9]\d*\s+\d\.\d{3} \/ [+-]\d\.\d{3}\s+\d\.\d{3} \/ [+-]\d\.\d{3}\s+\d\.\d{3}/,
    )
  expect(stdout).toMatch(/Forecast alerts, báo động crossings: \d+\/[1-9]\d* detected/)
  // Traffic against persistence, the usual profile and the same time a week before (seasonal naive).
  expect(stdout).toMatch(/^lead\s+n\s+forecast\s+persistence\s+usual profile\s+seasonal naive/m)
  expect(stdout).toMatch(/^15 min\s+[1-9]\d*\s+(\d+\.\d{3} \/ [+-]\d+\.\d{3}\s+){4}/m)
}, 120_000)

test('a period the wrong way round is refused with the reason', async () => {
  const failed = await ioc(
    'backtest',
    '--from',
    '2025-11-06T00:00:00Z',
    '--to',
    '2025-11-05T00:00:00Z',
  ).catch((e: { code: number; stderr: string }) => e)
  expect(failed).toMatchObject({ code: 2, stderr: 'ioc: --from must be before --to\n' })
}, 60_000)

test('ioc backtest --real judges the tide forecast on the reported days, beside the single-lag baseline, and the traffic on the measured runs', async () => {
  const { stdout } = await ioc('backtest', '--real', '--traffic-times', '07:30')
  expect(stdout).toMatch(/^Tide forecast on reported levels \(13 gauge-days, each left out in turn\)/)
  expect(stdout).toMatch(/estuary model\s+single lag \(today\)/)
  expect(stdout).toMatch(/^Phú An\s+high\s+\d+′ \/ [\d.]+ cm \(4\)\s+\d+′ \/ [\d.]+ cm \(4\)/m)
  expect(stdout).toMatch(/^Nhà Bè\s+low\s+6 h\s+/m)
  expect(stdout).toMatch(/^24 h\s+calibrated \d+ % \(27\)/m)
  expect(stdout).toMatch(/^Phú An\s+17:00–19:00\s+1\.72–1\.78 m/m)
  expect(stdout).toMatch(/^Traffic forecast on MEASURED truth: the 2025-10-30 runs/m)
  expect(stdout).toMatch(/^60 min\s+[\d.]+ \([\d.]+ %\)\s+.*\s106$/m)
}, 240_000)

test('with a period, the highs and lows of an imported gauge recording join the reported ones', async () => {
  const { stdout } = await ioc(
    'backtest',
    '--real',
    '--from',
    '2025-09-28T00:00:00+07:00',
    '--to',
    '2025-09-30T00:00:00+07:00',
    '--no-traffic',
  )
  // Two imported days at each gauge (simulated feeds, `sim:*`, are never counted as real).
  expect(stdout).toMatch(/^Tide forecast on reported levels \(17 gauge-days/)
  expect(stdout).not.toMatch(/Traffic forecast/)
}, 120_000)
