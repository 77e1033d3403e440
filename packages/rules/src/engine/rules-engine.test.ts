import { type AlertEvent, type Observation, SEVERITY_RANK } from '@ioc/domain'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { defaultRulesConfig } from '../config/load-rules-config'
import {
  atMinute,
  NGUYEN_HUU_CANH,
  PHU_AN,
  smallNetwork,
  traffic,
  UNG_VAN_KHIEM,
  water,
} from '../testing/observations'
import { parseRulesEngineState, type SegmentState } from './engine-state'
import { createRulesEngine, type RulesEngine, runRules } from './rules-engine'

const network = smallNetwork()
const config = defaultRulesConfig()
const PHU_AN_LEVELS = [1.4, 1.5, 1.6]
const SEVERITY_OF_LEVEL = ['minor', 'major', 'critical'] as const

/** One input: an observation, or a clock tick (live only) at the same instant. */
type Step = { minute: number } & (
  | { kind: 'phu-an'; m: number }
  | { kind: 'flood'; cm: number }
  | { kind: 'speed'; kph: number }
  | { kind: 'tick' }
)

const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant('phu-an' as const),
    m: fc.integer({ min: 120, max: 175 }).map((cm) => cm / 100),
  }),
  fc.record({ kind: fc.constant('flood' as const), cm: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('speed' as const), kph: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('tick' as const) }),
)

/**
 * Steps up to 20 min apart, so pending periods and holds of 5–30 min both complete and break; a
 * negative gap makes a late reading, which the engine must ignore the same way before and after a restore.
 */
const stepsArb = fc
  .array(fc.tuple(fc.integer({ min: -5, max: 20 }), stepArb), { maxLength: 200 })
  .map((raw) => {
    let minute = 0
    return raw.map(([gap, s]): Step => {
      minute += gap
      return { minute, ...s }
    })
  })

function toObservation(s: Step): Observation | null {
  switch (s.kind) {
    case 'phu-an':
      return water(PHU_AN, s.minute, s.m)
    case 'flood':
      return water(UNG_VAN_KHIEM, s.minute, s.cm)
    case 'speed':
      return traffic(NGUYEN_HUU_CANH, s.minute, s.kph)
    case 'tick':
      return null
  }
}

function feed(engine: RulesEngine, steps: Step[]): AlertEvent[] {
  return steps.flatMap((s) => {
    const o = toObservation(s)
    return o ? [...engine.observe(o)] : [...engine.tick(atMinute(s.minute))]
  })
}

/**
 * Runs random steps through one engine, and through another that `save` feeds up to a random cut and
 * stores (as JSON); an engine restored from that must go on with the same events and open alerts.
 */
function expectRestoresLikeUninterrupted(
  save: (before: RulesEngine, stepsBefore: Step[]) => { first: AlertEvent[]; stored: unknown },
): void {
  fc.assert(
    fc.property(stepsArb, fc.nat(), (steps, cut) => {
      const split = steps.length ? cut % (steps.length + 1) : 0
      const whole = createRulesEngine(network, config)
      const expected = feed(whole, steps)

      const before = createRulesEngine(network, config)
      const { first, stored } = save(before, steps.slice(0, split))
      const saved = parseRulesEngineState(JSON.parse(JSON.stringify(stored)))
      if (!saved.ok) throw new Error(JSON.stringify(saved.error))
      const after = createRulesEngine(network, config, saved.value)
      expect(after.openAlerts()).toEqual(before.openAlerts())
      expect([...first, ...feed(after, steps.slice(split))]).toEqual(expected)
      expect(after.openAlerts()).toEqual(whole.openAlerts())
    }),
  )
}

const phuAnReadings = (minLevelCm: number, maxLevelCm: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: minLevelCm, max: maxLevelCm })), {
      maxLength: 150,
    })
    .map((raw) => {
      let minute = 0
      return raw.map(([gap, cm]) => {
        minute += gap
        return water(PHU_AN, minute, cm / 100)
      })
    })

/** báo động level a reading reaches: 0 below I, 3 at or above III. */
const levelOf = (m: number) => PHU_AN_LEVELS.filter((l) => m >= l).length

/**
 * The hysteresis rule written the slow, obvious way over the whole history: level k is let go
 * when every reading of the last run of readings below (level − 0.05 m) began ≥ 30 min ago.
 */
function expectedLevels(readings: { atMs: number; m: number }[]): number[] {
  let level = 0
  return readings.map(({ atMs, m }, i) => {
    const reached = levelOf(m)
    if (reached > level) {
      level = reached
      return level
    }
    const released = (k: number) => {
      let start = i
      while (
        start >= 0 &&
        (readings[start]?.m ?? 0) < Math.round(((PHU_AN_LEVELS[k - 1] ?? 0) - 0.05) * 100) / 100
      )
        start--
      const run = readings[start + 1]
      return start < i && run !== undefined && atMs - run.atMs >= 30 * 60_000
    }
    while (level > 0 && released(level)) level--
    return level
  })
}

describe('rules engine properties', () => {
  test('the same observations give the same alerts', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const a = createRulesEngine(network, config)
        const b = createRulesEngine(network, config)
        expect(feed(a, steps)).toEqual(feed(b, steps))
        expect(a.openAlerts()).toEqual(b.openAlerts())
      }),
    )
  })

  test('a level rippling inside the hysteresis band of báo động I raises at most once', () => {
    // 1.35–1.44 m: never 5 cm below I, never up to II.
    fc.assert(
      fc.property(phuAnReadings(135, 144), (obs) => {
        const events = runRules(network, config, obs)
        expect(events.filter((e) => e.type === 'raised').length).toBeLessThanOrEqual(1)
        expect(events.filter((e) => e.type !== 'raised')).toEqual([])
      }),
    )
  })

  test('an alert is only ever raised by a reading past a threshold, so a cleared one never reopens by itself', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const engine = createRulesEngine(network, config)
        const speeds: { atMs: number; kph: number }[] = []
        for (const s of steps) {
          const o = toObservation(s)
          // Late readings are ignored by the engine, so they are no evidence either way.
          const atMs = atMinute(s.minute)
          if (o?.type === 'traffic' && atMs >= (speeds.at(-1)?.atMs ?? atMs))
            speeds.push({ atMs, kph: o.speedKph })
          for (const e of o ? engine.observe(o) : engine.tick(atMinute(s.minute))) {
            if (e.type !== 'raised') continue
            if (e.kind === 'water-level') expect(o).toMatchObject({ value: e.value, stationId: PHU_AN })
            if (e.kind === 'water-level' || e.kind === 'street-flood')
              expect(e.value).toBeGreaterThanOrEqual(e.threshold)
            if (e.kind === 'congestion') {
              // Every reading of the last 10 min (the pending period) was below the threshold.
              const window = speeds.filter((r) => r.atMs >= e.at - 10 * 60_000)
              expect(window.every((r) => r.kph < e.threshold)).toBe(true)
            }
          }
        }
      }),
    )
  })

  test('the severity always matches the last báo động level crossed, with hysteresis', () => {
    fc.assert(
      fc.property(phuAnReadings(125, 170), (obs) => {
        const engine = createRulesEngine(network, config)
        const expected = expectedLevels(obs.map((o) => ({ atMs: Date.parse(o.observedAt), m: o.value })))
        obs.forEach((o, i) => {
          engine.observe(o)
          const open = engine.openAlerts().find((e) => e.kind === 'water-level')
          const level = expected[i] ?? 0
          expect(open?.severity).toBe(level === 0 ? undefined : SEVERITY_OF_LEVEL[level - 1])
          if (open) expect(SEVERITY_RANK[open.severity]).toBeGreaterThanOrEqual(levelOf(o.value))
        })
      }),
    )
  })

  test('exporting and restoring at any point gives the same events as an uninterrupted run', () => {
    expectRestoresLikeUninterrupted((before, stepsBefore) => ({
      first: feed(before, stepsBefore),
      stored: before.exportState(),
    }))
  })

  test('storing only the segments whose state changed, with lastAtMs from the readings, restores like an uninterrupted run', () => {
    // What the SQLite store keeps: each batch's export given what it holds, and the readings.
    expectRestoresLikeUninterrupted((before, stepsBefore) => {
      const persisted = new Map<string, SegmentState>()
      // The newest stored reading of each segment and the sources stored at that instant.
      const lastReading = new Map<string, { atMs: number; sources: string[] }>()
      const first: AlertEvent[] = []
      for (const step of stepsBefore) {
        const o = toObservation(step)
        if (!o) {
          first.push(...before.tick(atMinute(step.minute)))
          continue
        }
        first.push(...before.observe(o))
        if (o.type !== 'traffic') continue
        const atMs = Date.parse(o.observedAt)
        const last = lastReading.get(o.segmentId)
        if (!last || atMs > last.atMs) lastReading.set(o.segmentId, { atMs, sources: [o.source] })
        else if (atMs === last.atMs && !last.sources.includes(o.source)) last.sources.push(o.source)
        const out = before.exportState({ stations: [], segments: [o.segmentId] }, persisted)
        for (const [id, st] of Object.entries(out.segments)) persisted.set(id, st)
      }
      const segments = Object.fromEntries(
        [...persisted].map(([id, st]) => {
          const last = lastReading.get(id)
          return [id, last ? { ...st, lastAtMs: last.atMs, lastSources: last.sources } : st]
        }),
      )
      return { first, stored: { ...before.exportState(), segments } }
    })
  })
})

describe('rules engine', () => {
  test('the same reading again is skipped, before and after a restore; another source at that instant is judged', () => {
    const engine = createRulesEngine(network, config)
    const gauge = water(PHU_AN, 0, 1.2)
    const from = (source: string, value: number) => ({ ...gauge, source, value })
    expect(engine.observe(gauge)).toEqual([])
    // A retried batch: same station, instant and source. The store keeps the first value; so must the engine.
    expect(engine.observe(from('test', 1.62))).toEqual([])
    const levelOf = (events: readonly AlertEvent[]) =>
      events.filter((e) => e.kind === 'water-level').map((e) => [e.type, e.severity])
    expect(levelOf(engine.observe(from('volunteer', 1.62)))).toEqual([['raised', 'critical']])
    const saved = parseRulesEngineState(JSON.parse(JSON.stringify(engine.exportState())))
    if (!saved.ok) throw new Error(JSON.stringify(saved.error))
    const restored = createRulesEngine(network, config, saved.value)
    for (const source of ['test', 'volunteer']) expect(restored.observe(from(source, 1.1))).toEqual([])
    expect(levelOf(restored.openAlerts())).toEqual([['raised', 'critical']])
    // A third source at the same instant is a reading of its own.
    restored.observe(from('dwr', 1.1))
    expect(restored.exportState().stations[PHU_AN]?.lastSources).toEqual(['test', 'volunteer', 'dwr'])
  })

  test('restored from a state saved before sources were kept, no reading at its last instant is judged again', () => {
    const engine = createRulesEngine(network, config)
    engine.observe(water(PHU_AN, 0, 1.2))
    const { lastSources: _, ...old } = engine.exportState().stations[PHU_AN] ?? { lastAtMs: null }
    const restored = createRulesEngine(network, config, {
      ...engine.exportState(),
      stations: { [PHU_AN]: old },
    })
    expect(restored.observe({ ...water(PHU_AN, 0, 1.62), source: 'volunteer' })).toEqual([])
    const next = restored.observe(water(PHU_AN, 1, 1.62)).filter((e) => e.kind === 'water-level')
    expect(next.map((e) => e.severity)).toEqual(['critical'])
  })

  test('openAlerts lists the current event of each open key', () => {
    const engine = createRulesEngine(network, config)
    for (const o of [water(PHU_AN, 0, 1.45), water(PHU_AN, 10, 1.62), water(UNG_VAN_KHIEM, 10, 12)])
      engine.observe(o)
    expect(engine.openAlerts().map((e) => [e.key, e.type, e.severity])).toEqual([
      ['water-level:phu-an', 'severity-changed', 'critical'],
      ['rate-of-rise:phu-an', 'raised', 'warning'],
      ['street-flood:fs-002', 'raised', 'minor'],
    ])
  })

  test('a saved state that is not an engine state is refused with the field at fault', () => {
    const saved = parseRulesEngineState({
      version: 1,
      networkVersion: 'x',
      silenceBaselineMs: null,
      stations: { [PHU_AN]: { lastAtMs: 'yesterday' } },
      segments: {},
    })
    expect(saved).toMatchObject({ ok: false, error: [{ field: `stations.${PHU_AN}.lastAtMs` }] })
  })

  test('exporting only the subjects a batch touched gives exactly their part of the whole state', () => {
    const engine = createRulesEngine(network, config)
    for (const o of [water(PHU_AN, 0, 1.45), water(UNG_VAN_KHIEM, 5, 12), traffic(NGUYEN_HUU_CANH, 5, 10)])
      engine.observe(o)
    const whole = engine.exportState()
    const part = engine.exportState({ stations: [PHU_AN], segments: [NGUYEN_HUU_CANH] })
    expect(part).toEqual({
      ...whole,
      stations: { [PHU_AN]: whole.stations[PHU_AN] },
      segments: { [NGUYEN_HUU_CANH]: whole.segments[NGUYEN_HUU_CANH] },
    })
  })
})
