import { type BinaryOp, type Expr, type Parsed, unsupported } from './odata-expression'

/** A bound on results: `value` itself included or not. */
export interface ResultBound {
  value: number
  inclusive: boolean
}

/**
 * The part of an Observations `$filter` a store can answer from its indexes: a time range, a result
 * range and the Datastreams asked for. The rest of the filter (`residual`) is evaluated on each row.
 */
export interface ObservationBounds {
  /** Epoch ms, inclusive. */
  fromMs: number | null
  /** Epoch ms, exclusive. */
  toMs: number | null
  min: ResultBound | null
  max: ResultBound | null
  /** null: any Datastream. */
  datastreamIds: string[] | null
}

export interface SplitFilter {
  bounds: ObservationBounds
  /** What the bounds do not cover, to evaluate per observation; null when they cover all. */
  residual: Expr | null
}

const TIME = new Set(['phenomenonTime', 'resultTime'])
const FLIP: Partial<Record<BinaryOp, BinaryOp>> = { gt: 'lt', ge: 'le', lt: 'gt', le: 'ge', eq: 'eq' }

/**
 * Splits a filter's top-level conjunction into store bounds and a residual. Both stores keep times as
 * integer milliseconds, so `gt t` is `≥ t + 1 ms` and `le t` is `< t + 1 ms`. `resultTime` is bound
 * like `phenomenonTime`: this service serves them equal (docs/domain-standards.md).
 */
export function splitObservationFilter(filter: Expr | null): SplitFilter {
  const bounds: ObservationBounds = { fromMs: null, toMs: null, min: null, max: null, datastreamIds: null }
  const rest: Expr[] = []
  for (const term of conjuncts(filter)) if (!bind(bounds, term)) rest.push(term)
  const residual = rest.reduce<Expr | null>(
    (acc, t) => (acc ? { kind: 'binary', op: 'and', left: acc, right: t } : t),
    null,
  )
  return { bounds, residual }
}

function conjuncts(e: Expr | null): Expr[] {
  if (!e) return []
  if (e.kind === 'binary' && e.op === 'and') return [...conjuncts(e.left), ...conjuncts(e.right)]
  return [e]
}

function bind(b: ObservationBounds, term: Expr): boolean {
  if (term.kind !== 'binary' || !(term.op in FLIP)) return false
  let { left, right, op } = term
  if (left.kind === 'literal' && right.kind === 'path') {
    ;[left, right] = [right, left]
    op = FLIP[op] as BinaryOp
  }
  if (left.kind !== 'path' || right.kind !== 'literal') return false
  const path = left.path.join('/')
  const v = right.value
  if (TIME.has(path) && v instanceof Date) {
    const t = v.getTime()
    const from = op === 'gt' ? t + 1 : op === 'ge' || op === 'eq' ? t : null
    const to = op === 'lt' ? t : op === 'le' || op === 'eq' ? t + 1 : null
    if (from !== null) b.fromMs = Math.max(b.fromMs ?? from, from)
    if (to !== null) b.toMs = Math.min(b.toMs ?? to, to)
    return true
  }
  if (path === 'result' && typeof v === 'number') {
    if (op === 'gt' || op === 'ge' || op === 'eq')
      b.min = tighter(b.min, { value: v, inclusive: op !== 'gt' }, 1)
    if (op === 'lt' || op === 'le' || op === 'eq')
      b.max = tighter(b.max, { value: v, inclusive: op !== 'lt' }, -1)
    return true
  }
  if ((path === 'Datastream/id' || path === 'Datastream/@iot.id') && op === 'eq' && typeof v === 'string') {
    b.datastreamIds = b.datastreamIds ? b.datastreamIds.filter((id) => id === v) : [v]
    return true
  }
  return false
}

/** The stricter of two bounds; `sign` 1 for lower bounds, -1 for upper. */
function tighter(a: ResultBound | null, b: ResultBound, sign: 1 | -1): ResultBound {
  if (!a) return b
  if (a.value !== b.value) return (a.value - b.value) * sign > 0 ? a : b
  return { value: a.value, inclusive: a.inclusive && b.inclusive }
}

/** The order of an Observations page, as a store sorts it. */
export type ObservationOrder = { by: 'time' | 'result'; desc: boolean }[]

/** Observations sort by `phenomenonTime` / `resultTime` or `result`; anything else is not served. */
export function observationOrder(
  orderBy: readonly { expr: Expr; desc: boolean }[],
): Parsed<ObservationOrder> {
  const order: ObservationOrder = []
  for (const { expr, desc } of orderBy) {
    const path = expr.kind === 'path' ? expr.path.join('/') : ''
    if (TIME.has(path)) order.push({ by: 'time', desc })
    else if (path === 'result') order.push({ by: 'result', desc })
    else return unsupported('Observations can be ordered by phenomenonTime, resultTime and result only')
  }
  return { ok: true, value: order }
}
