import type { Alert, Observation } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { defaultRulesConfig, type RulesEngineState } from '@ioc/rules'
import { describe, expect, test } from 'vitest'
import { CHECKPOINT_MS, ReplayEngine, warmStart } from './replay-engine'

const network = loadNetwork()
const rules = defaultRulesConfig()
const T0 = Date.parse('2025-11-06T15:00:00+07:00')
const MIN = 60_000

/** Phú An every 10 min from 15:00, through báo động I/II/III (1.40 / 1.50 / 1.60 m) and back. */
const LEVELS_M = [1.2, 1.3, 1.42, 1.52, 1.61, 1.5, 1.3, 1.1]
const readings: Observation[] = LEVELS_M.map((value, i) => ({
  type: 'water',
  stationId: 'phu-an',
  observedAt: new Date(T0 + i * 10 * MIN).toISOString(),
  value,
  source: 'sihymete',
}))
const shown = (alerts: readonly Alert[]) => alerts.map((a) => [a.key, a.severity, a.value])

describe('the engine of a replay', () => {
  test('offers a checkpoint at each 5-minute boundary the readings cross, before the reading past it', () => {
    const engine = ReplayEngine.start(network, rules, { atMs: T0 })
    const seen: { atMs: number; alerts: string[] }[] = []
    engine.observe(readings, (atMs) => seen.push({ atMs, alerts: engine.alerts().map((a) => a.severity) }))
    expect(seen.map((c) => (c.atMs - T0) / MIN)).toEqual([10, 20, 30, 40, 50, 60, 70])
    // At 15:20 the 1.42 m reading that passes báo động I is not in the engine yet.
    expect(seen.find((c) => c.atMs === T0 + 20 * MIN)?.alerts).toEqual([])
    expect(seen.find((c) => c.atMs === T0 + 30 * MIN)?.alerts).toContain('minor')
  })

  test('restarted from a checkpoint, it shows the alerts a warm-up from the start shows', () => {
    const checkpoints = new Map<number, { state: RulesEngineState; alerts: Alert[] }>()
    const whole = ReplayEngine.start(network, rules, { atMs: T0 })
    whole.observe(readings, (atMs) =>
      checkpoints.set(atMs, { state: whole.exportState(), alerts: whole.alerts() }),
    )
    const at = T0 + 40 * MIN
    const cp = checkpoints.get(at)
    if (!cp) throw new Error('no checkpoint at 15:40')
    const resumed = ReplayEngine.start(network, rules, { atMs: at, ...cp })
    const later = resumed.observe(readings.filter((o) => Date.parse(o.observedAt) >= at))
    expect(shown(resumed.alerts())).toEqual(shown(whole.alerts()))
    // The resumed engine raised báo động III at 15:40 itself: its peak is the one the whole run saw.
    expect(later.map((c) => c.alert.severity)).toContain('critical')
    const peak = (e: ReplayEngine) => e.alerts().find((a) => a.kind === 'water-level')?.peak
    expect(peak(resumed)).toMatchObject({ severity: 'critical', value: 1.61 })
    expect(peak(resumed)).toEqual(peak(whole))
  })

  test('its tick raises the silent sensor that no reading can', () => {
    const engine = ReplayEngine.start(network, rules, { atMs: T0 })
    engine.observe(readings.slice(0, 2))
    engine.reached(T0 + 2 * 3600_000)
    const ticked = engine.tick(T0 + 2 * 3600_000)
    expect(ticked.map((c) => c.alert.key)).toContain('sensor-silent:phu-an')
    expect(engine.alerts().map((a) => a.key)).toContain('sensor-silent:phu-an')
  })

  test('reaching a time moves its position and the next checkpoint boundary with it', () => {
    const engine = ReplayEngine.start(network, rules, { atMs: T0 })
    engine.reached(T0 + 12 * MIN)
    expect(engine.position).toBe(T0 + 12 * MIN)
    const offered: number[] = []
    engine.observe(readings.slice(2), (atMs) => offered.push(atMs))
    expect(offered[0]).toBe(T0 + 20 * MIN)
    expect(offered.every((ms) => ms % CHECKPOINT_MS === 0)).toBe(true)
  })
})

describe('where a seek warms its engine from', () => {
  const cp = (atMs: number) => ({ atMs })
  test('a first seek starts at the anchor, or at a checkpoint when there is one', () => {
    expect(warmStart(undefined, T0, undefined)).toEqual({ from: 'anchor' })
    expect(warmStart(undefined, T0, cp(T0 - CHECKPOINT_MS))).toEqual({
      from: 'checkpoint',
      checkpoint: cp(T0 - CHECKPOINT_MS),
    })
  })

  test('a seek forward goes on from the engine unless a checkpoint is nearer', () => {
    expect(warmStart(T0, T0 + 60 * MIN, cp(T0 - CHECKPOINT_MS))).toEqual({ from: 'continue' })
    expect(warmStart(T0, T0 + 60 * MIN, cp(T0 + 55 * MIN)).from).toBe('checkpoint')
  })

  test('a seek back cannot go on from an engine past it', () => {
    expect(warmStart(T0 + 60 * MIN, T0, undefined)).toEqual({ from: 'anchor' })
    expect(warmStart(T0 + 60 * MIN, T0, cp(T0 - CHECKPOINT_MS)).from).toBe('checkpoint')
  })
})
