import { type Expr, ExprError } from './odata-expression'
import type { Entity } from './sta-model'

export type Value = string | number | boolean | Date | null | Record<string, unknown> | unknown[]

/** Follows a to-one navigation property of an entity (`Datastream`, `Thing`, …); null when it has none. */
export type FollowOne = (entity: Entity, navigation: string) => Entity | null | undefined

/**
 * The value of an expression for one entity. Paths read properties (`name`, `properties/district`),
 * `id`, and to-one navigation (`Datastream/Thing/name`); a path through a to-many navigation needs a
 * lambda (`any`), which is not supported. Comparisons with null are false except `eq null`; the filter
 * keeps an entity only when the value is `true` (18-088 §9.3.3.5.1).
 */
export function evaluate(expr: Expr, entity: Entity, follow: FollowOne, nowMs: number): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value
    case 'path':
      return readPath(entity, expr.path, follow)
    case 'not': {
      const v = evaluate(expr.operand, entity, follow, nowMs)
      return v === null ? null : !v
    }
    case 'binary':
      return binary(expr, entity, follow, nowMs)
    case 'call':
      return call(
        expr.fn,
        expr.args.map((a) => evaluate(a, entity, follow, nowMs)),
        nowMs,
      )
  }
}

function readPath(entity: Entity, path: readonly string[], follow: FollowOne): Value {
  let current: Entity = entity
  for (let i = 0; i < path.length; i++) {
    const name = path[i] as string
    if (name === 'id') return i === path.length - 1 ? current.id : null
    if (name in current.props) {
      let v = current.props[name] as Value
      for (const key of path.slice(i + 1)) {
        if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return null
        v = ((v as Record<string, unknown>)[key] ?? null) as Value
      }
      return v ?? null
    }
    const next = follow(current, name)
    if (next === undefined)
      throw new ExprError({
        kind: 'invalid',
        message: `${current.set} have no property or to-one navigation "${name}" (in "${path.join('/')}")`,
      })
    if (next === null) return null
    current = next
  }
  throw new ExprError({ kind: 'invalid', message: `"${path.join('/')}" names an entity, not a value` })
}

const isTime = (v: Value): boolean => v instanceof Date
const timeMs = (v: Value): number => (v instanceof Date ? v.getTime() : Date.parse(String(v)))

/** Orders two values of one type; numbers, strings and booleans natively, times by instant. */
export function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1
  if (isTime(a) || isTime(b)) return timeMs(a) - timeMs(b)
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = String(a)
  const y = String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

function binary(expr: Extract<Expr, { kind: 'binary' }>, e: Entity, f: FollowOne, now: number): Value {
  const left = evaluate(expr.left, e, f, now)
  if (expr.op === 'and' && left === false) return false
  if (expr.op === 'or' && left === true) return true
  const right = evaluate(expr.right, e, f, now)
  switch (expr.op) {
    case 'and':
      return left === null || right === null ? (right === false ? false : null) : Boolean(left && right)
    case 'or':
      return left === null || right === null ? (right === true ? true : null) : Boolean(left || right)
    case 'eq':
      return left === null || right === null ? left === right : compareValues(left, right) === 0
    case 'ne':
      return left === null || right === null ? left !== right : compareValues(left, right) !== 0
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le': {
      if (left === null || right === null) return null
      const c = compareValues(left, right)
      return expr.op === 'gt' ? c > 0 : expr.op === 'ge' ? c >= 0 : expr.op === 'lt' ? c < 0 : c <= 0
    }
    default: {
      if (typeof left !== 'number' || typeof right !== 'number') return null
      if (expr.op === 'add') return left + right
      if (expr.op === 'sub') return left - right
      if (expr.op === 'mul') return left * right
      if (right === 0) return null
      return expr.op === 'div' ? left / right : left % right
    }
  }
}

const str = (v: Value): string | null => (typeof v === 'string' ? v : null)
const num = (v: Value): number | null => (typeof v === 'number' ? v : null)
const time = (v: Value): Date | null => {
  if (v instanceof Date) return v
  if (typeof v !== 'string') return null
  const ms = Date.parse(v)
  return Number.isNaN(ms) ? null : new Date(ms)
}

/** The built-in functions, on UTC times (every time this service serves is in UTC). */
function call(fn: string, args: Value[], nowMs: number): Value {
  const [a, b, c] = args
  const s = str(a as Value)
  const t = time(a as Value)
  const n = num(a as Value)
  switch (fn) {
    case 'substringof':
      return str(a as Value) !== null && str(b as Value) !== null ? (b as string).includes(a as string) : null
    case 'endswith':
      return s !== null && str(b as Value) !== null ? s.endsWith(b as string) : null
    case 'startswith':
      return s !== null && str(b as Value) !== null ? s.startsWith(b as string) : null
    case 'length':
      return s === null ? null : s.length
    case 'indexof':
      return s !== null && str(b as Value) !== null ? s.indexOf(b as string) : null
    case 'substring':
      if (s === null || num(b as Value) === null) return null
      return c === undefined ? s.slice(b as number) : s.substr(b as number, (num(c) ?? 0) as number)
    case 'tolower':
      return s?.toLowerCase() ?? null
    case 'toupper':
      return s?.toUpperCase() ?? null
    case 'trim':
      return s?.trim() ?? null
    case 'concat':
      return s !== null && str(b as Value) !== null ? s + (b as string) : null
    case 'year':
      return t?.getUTCFullYear() ?? null
    case 'month':
      return t ? t.getUTCMonth() + 1 : null
    case 'day':
      return t?.getUTCDate() ?? null
    case 'hour':
      return t?.getUTCHours() ?? null
    case 'minute':
      return t?.getUTCMinutes() ?? null
    case 'second':
      return t?.getUTCSeconds() ?? null
    case 'fractionalseconds':
      return t ? t.getUTCMilliseconds() / 1000 : null
    case 'date':
      return t ? t.toISOString().slice(0, 10) : null
    case 'time':
      return t ? t.toISOString().slice(11, 23) : null
    case 'totaloffsetminutes':
      return t ? 0 : null
    case 'now':
      return new Date(nowMs)
    case 'mindatetime':
      return new Date(-8.64e15)
    case 'maxdatetime':
      return new Date(8.64e15)
    case 'round':
      return n === null ? null : Math.round(n)
    case 'floor':
      return n === null ? null : Math.floor(n)
    case 'ceiling':
      return n === null ? null : Math.ceil(n)
    case 'negate':
      return n === null ? null : -n
  }
  throw new ExprError({ kind: 'unsupported', message: `the function ${fn}() is not supported` })
}
