import type { ReplayControl } from '@ioc/domain'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { clockAt, clockState, controlClock, createReplayClock, type ReplayClock } from './replay-clock'

const FROM = Date.parse('2025-11-06T15:00:00+07:00')
const TO = Date.parse('2025-11-06T20:00:00+07:00')
const STEP = 300_000
const WALL0 = 1_000_000

const controlArb: fc.Arbitrary<ReplayControl> = fc.oneof(
  fc.constant({ type: 'play' as const }),
  fc.constant({ type: 'pause' as const }),
  fc.constant({ type: 'step' as const }),
  fc.integer({ min: FROM - 3_600_000, max: TO + 3_600_000 }).map((t) => ({ type: 'seek' as const, t })),
  fc.integer({ min: 1, max: 3600 }).map((speed) => ({ type: 'speed' as const, speed })),
)
/** Controls at increasing wall times, up to 10 s apart. */
const sessionArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), controlArb), { maxLength: 60 })

function run(
  steps: [number, ReplayControl][],
  each: (before: ReplayClock, after: ReplayClock, wall: number, control: ReplayControl) => void,
) {
  let c = createReplayClock({ fromMs: FROM, toMs: TO, speed: 60, stepMs: STEP }, WALL0)
  let wall = WALL0
  for (const [gap, control] of steps) {
    wall += gap
    const next = controlClock(c, control, wall)
    each(c, next, wall, control)
    c = next
  }
  return { clock: c, wall }
}

describe('replay clock properties', () => {
  test('replay time never leaves [from, to]', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: 0, max: 1e9 }), (steps, later) => {
        run(steps, (_, after, wall) => {
          for (const w of [wall, wall + later]) {
            const t = clockAt(after, w)
            expect(t).toBeGreaterThanOrEqual(FROM)
            expect(t).toBeLessThanOrEqual(TO)
          }
        })
      }),
    )
  })

  test('time runs forward at the set speed while playing and stands still while paused', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: 0, max: 100_000 }), (steps, dt) => {
        const { clock, wall } = run(steps, () => {})
        const t0 = clockAt(clock, wall)
        const t1 = clockAt(clock, wall + dt)
        if (clock.playing) expect(t1).toBe(Math.min(TO, t0 + dt * clock.speed))
        else expect(t1).toBe(t0)
      }),
    )
  })

  test('play, pause and speed never make the clock jump', () => {
    fc.assert(
      fc.property(sessionArb, (steps) => {
        run(steps, (before, after, wall, control) => {
          if (control.type === 'seek' || control.type === 'step') return
          expect(clockAt(after, wall)).toBe(clockAt(before, wall))
        })
      }),
    )
  })

  test('a step pauses and advances exactly one interval, stopping at the end', () => {
    fc.assert(
      fc.property(sessionArb, (steps) => {
        const { clock, wall } = run(steps, () => {})
        const stepped = controlClock(clock, { type: 'step' }, wall)
        expect(stepped.playing).toBe(false)
        expect(clockAt(stepped, wall + 5000)).toBe(Math.min(TO, clockAt(clock, wall) + STEP))
      }),
    )
  })

  test('a seek lands on the asked time, clamped into the range, and keeps playing or paused', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: FROM - 1e7, max: TO + 1e7 }), (steps, t) => {
        const { clock, wall } = run(steps, () => {})
        const sought = controlClock(clock, { type: 'seek', t }, wall)
        expect(clockAt(sought, wall)).toBe(Math.min(TO, Math.max(FROM, t)))
        expect(sought.playing).toBe(clock.playing && clockAt(clock, wall) < TO)
      }),
    )
  })
})

describe('replay clock', () => {
  test('starts paused at from; at 3600× one wall second is one hour of data', () => {
    const c = createReplayClock({ fromMs: FROM, toMs: TO, speed: 3600, stepMs: STEP }, WALL0)
    expect(clockState(c, WALL0 + 5000)).toEqual({ t: FROM, speed: 3600, playing: false, from: FROM, to: TO })
    const playing = controlClock(c, { type: 'play' }, WALL0)
    expect(clockAt(playing, WALL0 + 1000)).toBe(FROM + 3_600_000)
  })

  test('stops at the end and reports itself paused there', () => {
    const c = controlClock(
      createReplayClock({ fromMs: FROM, toMs: TO, speed: 3600, stepMs: STEP }, WALL0),
      { type: 'play' },
      WALL0,
    )
    expect(clockState(c, WALL0 + 60_000)).toMatchObject({ t: TO, playing: false })
    expect(controlClock(c, { type: 'play' }, WALL0 + 60_000).playing).toBe(false)
  })
})
