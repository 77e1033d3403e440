import {
  type Expr,
  invalid,
  type OptionError,
  type Parsed,
  parseFilter,
  parseOrderBy,
  splitTopLevel,
  unsupported,
} from './odata-expression'

export interface ExpandItem {
  /** `Datastreams/Observations` is `['Datastreams', 'Observations']`. */
  path: string[]
  options: QueryOptions
  /** The nested options as written, for the nextLink of an expanded collection. */
  query: Record<string, string>
}

/** The system query options of a request (18-088 §9.3), parsed. */
export interface QueryOptions {
  filter: Expr | null
  orderBy: { expr: Expr; desc: boolean }[]
  /** null: the default page size. */
  top: number | null
  skip: number
  count: boolean
  /** null: every property. */
  select: string[] | null
  expand: ExpandItem[]
}

export const NO_OPTIONS: QueryOptions = {
  filter: null,
  orderBy: [],
  top: null,
  skip: 0,
  count: false,
  select: null,
  expand: [],
}

const KNOWN = new Set(['$filter', '$orderby', '$top', '$skip', '$count', '$select', '$expand'])
/** OData options that SensorThings 1.1 does not define or this service does not serve: 501. */
const UNSUPPORTED = new Set(['$search', '$format', '$levels', '$apply', '$skiptoken', '$resultFormat'])

/**
 * Reads the system query options from a request's query. Parameters not starting with `$` are
 * ignored (OData custom options); a `$` option SensorThings defines but this service does not
 * serve is refused as unsupported (501), any other as invalid (400).
 */
export function parseQueryOptions(query: Readonly<Record<string, string>>): Parsed<QueryOptions> {
  const options: QueryOptions = { ...NO_OPTIONS, orderBy: [], expand: [] }
  for (const [name, value] of Object.entries(query)) {
    if (!name.startsWith('$')) continue
    if (UNSUPPORTED.has(name)) return unsupported(`the query option ${name} is not supported`)
    if (!KNOWN.has(name)) return invalid(`unknown query option ${name}`)
    const error = apply(options, name, value)
    if (error) return { ok: false, error }
  }
  return { ok: true, value: options }
}

function apply(o: QueryOptions, name: string, value: string): OptionError | null {
  switch (name) {
    case '$filter': {
      const f = parseFilter(value)
      if (!f.ok) return f.error
      o.filter = f.value
      return null
    }
    case '$orderby': {
      const r = parseOrderBy(value)
      if (!r.ok) return r.error
      o.orderBy = r.value
      return null
    }
    case '$top':
    case '$skip': {
      if (!/^\d{1,9}$/.test(value))
        return { kind: 'invalid', message: `${name} must be a non-negative integer, not "${value}"` }
      if (name === '$top') o.top = Number(value)
      else o.skip = Number(value)
      return null
    }
    case '$count':
      if (value !== 'true' && value !== 'false')
        return { kind: 'invalid', message: `$count must be true or false, not "${value}"` }
      o.count = value === 'true'
      return null
    case '$select': {
      const names = value.split(',').map((s) => s.trim())
      if (names.some((n) => !/^(@iot\.)?[A-Za-z_][\w.@]*$/.test(n)))
        return { kind: 'invalid', message: `$select takes a comma list of property names, not "${value}"` }
      o.select = names.map((n) => (n === '@iot.id' ? 'id' : n === '@iot.selfLink' ? 'selfLink' : n))
      return null
    }
    case '$expand': {
      const items: ExpandItem[] = []
      for (const part of splitTopLevel(value)) {
        const item = parseExpandItem(part.trim())
        if (!item.ok) return item.error
        items.push(item.value)
      }
      o.expand = items
      return null
    }
  }
  return { kind: 'invalid', message: `unknown query option ${name}` }
}

/** `Datastreams($filter=…;$top=3)/…`: a path, then options in parentheses separated by `;`. */
function parseExpandItem(text: string): Parsed<ExpandItem> {
  const open = text.indexOf('(')
  const pathText = open < 0 ? text : text.slice(0, open)
  const path = pathText.split('/').map((s) => s.trim())
  if (!pathText || path.some((s) => !/^[A-Za-z]+$/.test(s)))
    return invalid(`$expand: "${text}" is not a navigation path`)
  if (open < 0) return { ok: true, value: { path, options: { ...NO_OPTIONS }, query: {} } }
  if (!text.endsWith(')')) return invalid(`$expand: unbalanced parentheses in "${text}"`)
  const nested: Record<string, string> = {}
  for (const part of splitTopLevel(text.slice(open + 1, -1), ';')) {
    const eq = part.indexOf('=')
    if (eq < 0) return invalid(`$expand: "${part}" in "${text}" is not an option=value pair`)
    nested[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  const options = parseQueryOptions(nested)
  if (!options.ok) return options
  return { ok: true, value: { path, options: options.value, query: nested } }
}
