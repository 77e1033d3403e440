import { err, type Result } from '@ioc/domain'
import { defaultParser } from '@odata/parser'

/** An OData expression of `$filter` or `$orderby`, reduced to what SensorThings evaluates. */
export type Expr =
  | { kind: 'literal'; value: string | number | boolean | Date | null }
  | { kind: 'path'; path: string[] }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'not'; operand: Expr }
  | { kind: 'call'; fn: string; args: Expr[] }

export type BinaryOp =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'and'
  | 'or'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'mod'

/** Why an option was refused: `invalid` is the client's mistake (400), `unsupported` ours (501). */
export interface OptionError {
  kind: 'invalid' | 'unsupported'
  message: string
}

export type Parsed<T> = Result<T, OptionError>

export const invalid = (message: string) => err<OptionError>({ kind: 'invalid', message })
export const unsupported = (message: string) => err<OptionError>({ kind: 'unsupported', message })

/** Thrown while converting the parser's tree; caught at the option's boundary. */
export class ExprError extends Error {
  constructor(readonly error: OptionError) {
    super(error.message)
  }
}

/** The functions of 18-088 §9.3.3.5.2 we evaluate; the geospatial ones are not among them. */
export const FUNCTIONS = new Set([
  'substringof',
  'endswith',
  'startswith',
  'length',
  'indexof',
  'substring',
  'tolower',
  'toupper',
  'trim',
  'concat',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'fractionalseconds',
  'date',
  'time',
  'totaloffsetminutes',
  'now',
  'mindatetime',
  'maxdatetime',
  'round',
  'floor',
  'ceiling',
  'negate',
])

const BINARY: Record<string, BinaryOp> = {
  AndExpression: 'and',
  OrExpression: 'or',
  EqualsExpression: 'eq',
  NotEqualsExpression: 'ne',
  LesserThanExpression: 'lt',
  LesserOrEqualsExpression: 'le',
  GreaterThanExpression: 'gt',
  GreaterOrEqualsExpression: 'ge',
  AddExpression: 'add',
  SubExpression: 'sub',
  MulExpression: 'mul',
  DivExpression: 'div',
  ModExpression: 'mod',
}

const WRAPPERS = new Set(['CommonExpression', 'BoolParenExpression', 'ParenExpression'])
const MEMBERS = new Set(['FirstMemberExpression', 'MemberExpression', 'PropertyPathExpression'])
const NUMBERS = new Set(['Edm.SByte', 'Edm.Byte', 'Edm.Int16', 'Edm.Int32', 'Edm.Int64'])
const DECIMALS = new Set(['Edm.Decimal', 'Edm.Double', 'Edm.Single'])

interface Token {
  type: string
  value: unknown
  raw: string
}

/**
 * Prepares the text for the OData parser: `@iot.id` (SensorThings' name of the key) becomes `id`, which
 * the OData grammar accepts and SensorThings defines as its alias, and a `+` of a time offset that form
 * decoding turned into a space (`…T00:00:00 07:00`) is put back.
 */
export function normalizeExpression(text: string): string {
  let out = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c === "'") quoted = !quoted
    if (!quoted && text.startsWith('@iot.id', i)) {
      out += 'id'
      i += '@iot.id'.length - 1
    } else out += c
  }
  return out.replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:\d{2})(?!\d)/g, '$1+$2')
}

/** Parses a `$filter` expression. */
export function parseFilter(text: string): Parsed<Expr> {
  let token: Token
  try {
    token = defaultParser.filter(normalizeExpression(text)) as unknown as Token
  } catch (err) {
    const geo = /\b(st_\w+|geo\.\w+)\s*\(/.exec(text)
    if (geo) return unsupported(`$filter: the geospatial function ${geo[1]}() is not supported`)
    return invalid(`$filter: ${(err as Error).message} in "${text}"`)
  }
  return convert(token)
}

/** Parses a `$orderby` list: expressions with an optional `asc` (the default) or `desc`. */
export function parseOrderBy(text: string): Parsed<{ expr: Expr; desc: boolean }[]> {
  const items: { expr: Expr; desc: boolean }[] = []
  for (const part of splitTopLevel(text)) {
    const m = /^(.*?)(?:\s+(asc|desc))?$/i.exec(part.trim())
    const body = m?.[1]?.trim() ?? ''
    if (!body) return invalid(`$orderby: empty item in "${text}"`)
    const expr = parseFilter(body)
    if (!expr.ok) return invalid(`$orderby: cannot read "${body}"`)
    items.push({ expr: expr.value, desc: m?.[2]?.toLowerCase() === 'desc' })
  }
  return { ok: true, value: items }
}

/** Splits a comma list at the commas outside parentheses and quotes. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === "'") quoted = !quoted
    else if (!quoted && c === '(') depth++
    else if (!quoted && c === ')') depth--
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

function convert(token: Token): Parsed<Expr> {
  try {
    return { ok: true, value: toExpr(token) }
  } catch (err) {
    if (err instanceof ExprError) return { ok: false, error: err.error }
    throw err
  }
}

function toExpr(t: Token): Expr {
  if (WRAPPERS.has(t.type)) return toExpr(t.value as Token)
  if (MEMBERS.has(t.type)) return { kind: 'path', path: t.raw.split('/') }
  const op = BINARY[t.type]
  if (op) {
    const v = t.value as { left: Token; right: Token }
    return { kind: 'binary', op, left: toExpr(v.left), right: toExpr(v.right) }
  }
  if (t.type === 'NotExpression') return { kind: 'not', operand: toExpr(t.value as Token) }
  if (t.type === 'NegateExpression') return { kind: 'call', fn: 'negate', args: [toExpr(t.value as Token)] }
  if (t.type === 'MethodCallExpression') {
    const v = t.value as { method: string; parameters?: Token[] }
    if (!FUNCTIONS.has(v.method))
      throw new ExprError({ kind: 'unsupported', message: `the function ${v.method}() is not supported` })
    return { kind: 'call', fn: v.method, args: (v.parameters ?? []).map(toExpr) }
  }
  if (t.type === 'Literal') return { kind: 'literal', value: literalValue(t) }
  throw new ExprError({ kind: 'unsupported', message: `"${t.raw}" is not supported in expressions` })
}

function literalValue(t: Token): string | number | boolean | Date | null {
  const edm = t.value as string
  if (t.raw === 'null') return null
  if (edm === 'Edm.String') return t.raw.slice(1, -1).replaceAll("''", "'")
  if (edm === 'Edm.Boolean') return t.raw.toLowerCase() === 'true'
  if (NUMBERS.has(edm) || DECIMALS.has(edm)) return Number(t.raw)
  if (edm === 'Edm.DateTimeOffset' || edm === 'Edm.Date') {
    const ms = Date.parse(edm === 'Edm.Date' ? `${t.raw}T00:00:00Z` : t.raw)
    if (Number.isNaN(ms)) throw new ExprError({ kind: 'invalid', message: `"${t.raw}" is not a valid time` })
    return new Date(ms)
  }
  throw new ExprError({
    kind: 'unsupported',
    message: `literals of type ${edm} ("${t.raw}") are not supported`,
  })
}
