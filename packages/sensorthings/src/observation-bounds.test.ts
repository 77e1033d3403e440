import fc from 'fast-check'
import { expect, test } from 'vitest'
import { evaluate } from './evaluate-expression'
import { type ObservationBounds, splitObservationFilter } from './observation-bounds'
import { type BinaryOp, type Expr, parseFilter } from './odata-expression'
import type { Entity } from './sta-model'

const T0 = Date.parse('2025-11-06T10:00:00Z')
const none = () => undefined

const observation = (ms: number, result: number): Entity => {
  const at = new Date(ms).toISOString()
  return { set: 'Observations', id: 'o', props: { phenomenonTime: at, resultTime: at, result }, one: {} }
}

function inBounds(b: ObservationBounds, ms: number, v: number): boolean {
  if (b.fromMs !== null && ms < b.fromMs) return false
  if (b.toMs !== null && ms >= b.toMs) return false
  if (b.min && (b.min.inclusive ? v < b.min.value : v <= b.min.value)) return false
  if (b.max && (b.max.inclusive ? v > b.max.value : v >= b.max.value)) return false
  return true
}

const COMPARE: BinaryOp[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le']
// Times a few ms apart and results a few hundredths apart, so the bounds' edges are hit.
const timeAtom = fc
  .tuple(
    fc.constantFrom('phenomenonTime', 'resultTime'),
    fc.constantFrom(...COMPARE),
    fc.integer({ min: 0, max: 4 }),
    fc.boolean(),
  )
  .map(([p, op, k, flip]): Expr => {
    const path: Expr = { kind: 'path', path: [p] }
    const lit: Expr = { kind: 'literal', value: new Date(T0 + k) }
    return flip
      ? { kind: 'binary', op, left: lit, right: path }
      : { kind: 'binary', op, left: path, right: lit }
  })
const resultAtom = fc.tuple(fc.constantFrom(...COMPARE), fc.integer({ min: 0, max: 4 })).map(
  ([op, k]): Expr => ({
    kind: 'binary',
    op,
    left: { kind: 'path', path: ['result'] },
    right: { kind: 'literal', value: 1.5 + k / 100 },
  }),
)
const filterArb = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    timeAtom,
    resultAtom,
    fc
      .tuple(fc.constantFrom<BinaryOp>('and', 'or'), tie('expr'), tie('expr'))
      .map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right })),
    tie('expr').map((operand): Expr => ({ kind: 'not', operand })),
  ),
})).expr

test('the store bounds and the residual keep exactly the observations the whole filter keeps', () => {
  fc.assert(
    fc.property(
      filterArb,
      fc.array(fc.tuple(fc.integer({ min: -1, max: 5 }), fc.integer({ min: 148, max: 156 })), {
        maxLength: 20,
      }),
      (filter, points) => {
        const { bounds, residual } = splitObservationFilter(filter)
        for (const [dt, hundredths] of points) {
          const ms = T0 + dt
          const v = hundredths / 100
          const o = observation(ms, v)
          const whole = evaluate(filter, o, none, 0) === true
          const split =
            inBounds(bounds, ms, v) && (residual === null || evaluate(residual, o, none, 0) === true)
          expect(split).toBe(whole)
        }
      },
    ),
    { seed: 20251106, numRuns: 500 },
  )
})

test('a day range and a result bound go to the store whole, with nothing left to evaluate', () => {
  const f = parseFilter(
    "phenomenonTime ge 2025-11-06T00:00:00+07:00 and phenomenonTime lt 2025-11-07T00:00:00+07:00 and result gt 1.6 and Datastream/@iot.id eq 'phu-an:water-level'",
  )
  if (!f.ok) throw new Error(f.error.message)
  expect(splitObservationFilter(f.value)).toEqual({
    bounds: {
      fromMs: Date.parse('2025-11-06T00:00:00+07:00'),
      toMs: Date.parse('2025-11-07T00:00:00+07:00'),
      min: { value: 1.6, inclusive: false },
      max: null,
      datastreamIds: ['phu-an:water-level'],
    },
    residual: null,
  })
})
