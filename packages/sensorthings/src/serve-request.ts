import type { StaGraph } from './network-entities'
import type { OptionError } from './odata-expression'
import {
  type CollectionSource,
  type Limits,
  type ObservationSource,
  QueryError,
  queryCollection,
} from './query-collection'
import { type ExpandItem, NO_OPTIONS, parseQueryOptions, type QueryOptions } from './query-options'
import { CONFORMANCE, ENTITY_SETS, type Entity, type EntitySet, NAVIGATION } from './sta-model'

export interface StaService {
  graph: StaGraph
  observations: ObservationSource
  limits: Limits
}

export type StaAnswer =
  | { status: 200; json: unknown }
  | { status: 200; text: string }
  | { status: 204 }
  | { status: 400 | 404 | 501; code: 'invalid_request' | 'not_found' | 'not_implemented'; message: string }

/** Where the answer's links point: the service root as the client reached it, e.g. `https://…/sta/v1.1`. */
export interface StaRequest {
  baseUrl: string
  /** The path below the service root, still percent-encoded: `/Datastreams('phu-an%3Awater-level')/Observations`. */
  path: string
  /** The query parameters, decoded. */
  query: Readonly<Record<string, string>>
  nowMs: number
}

type Target =
  | { kind: 'root' }
  | { kind: 'collection'; set: EntitySet; source: CollectionSource; ref: boolean }
  | { kind: 'entity'; entity: Entity | null; ref: boolean }
  | { kind: 'property'; entity: Entity; name: string; raw: boolean }

const notFound = (message: string): StaAnswer => ({ status: 404, code: 'not_found', message })
const fromError = (e: OptionError): StaAnswer =>
  e.kind === 'invalid'
    ? { status: 400, code: 'invalid_request', message: e.message }
    : { status: 501, code: 'not_implemented', message: e.message }

/** Answers one GET of the SensorThings API: resource path (18-088 §9.2) and query options (§9.3). */
export async function serveRequest(svc: StaService, req: StaRequest): Promise<StaAnswer> {
  const options = parseQueryOptions(req.query)
  if (!options.ok) return fromError(options.error)
  try {
    const target = await resolvePath(svc, req.path)
    if ('status' in target) return target
    return await answer(svc, req, target, options.value)
  } catch (err) {
    if (err instanceof QueryError) return fromError(err.error)
    throw err
  }
}

/** `Things('phu-an')` in a path; an id is an OData string literal, its quotes doubled. */
export const keyLiteral = (id: string) => `'${id.replaceAll("'", "''")}'`
const pathKey = (id: string) => encodeURIComponent(keyLiteral(id)).replace(/%3A/gi, ':').replace(/%27/g, "'")
export const selfLink = (baseUrl: string, e: Entity) => `${baseUrl}/${e.set}(${pathKey(e.id)})`

async function resolvePath(svc: StaService, path: string): Promise<Target | StaAnswer> {
  let segments: string[]
  try {
    segments = path
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s))
  } catch {
    return { status: 400, code: 'invalid_request', message: `"${path}" is not a valid percent-encoded path` }
  }
  const [first, ...rest] = segments
  if (first === undefined) return { kind: 'root' }
  const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(first)
  const set = m?.[1] as EntitySet | undefined
  if (!set || !ENTITY_SETS.includes(set)) return notFound(`no entity set "${first}"`)
  let target: Target
  if (m?.[2] === undefined) {
    target = {
      kind: 'collection',
      set,
      source: set === 'Observations' ? { series: null } : { entities: svc.graph.entities[set] },
      ref: false,
    }
  } else {
    const id = parseKey(m[2])
    if (id === null)
      return {
        status: 400,
        code: 'invalid_request',
        message: `${first}: the key must be a quoted string like ('phu-an')`,
      }
    const entity = await findEntity(svc, set, id)
    if (!entity) return notFound(`no ${set} with @iot.id '${id}'`)
    target = { kind: 'entity', entity, ref: false }
  }
  for (let i = 0; i < rest.length; i++) {
    target = target as Target
    const step = rest[i] as string
    const last = i === rest.length - 1
    if (step === '$ref' && last && target.kind !== 'root' && target.kind !== 'property') {
      target = { ...target, ref: true }
      continue
    }
    if (step === '$value' && last && target.kind === 'property') {
      target = { ...target, raw: true }
      continue
    }
    if (target.kind !== 'entity' || !target.entity)
      return notFound(`"${step}" cannot follow ${segments.slice(0, i + 1).join('/')}`)
    const e: Entity = target.entity
    const nav = NAVIGATION[e.set][step]
    if (nav?.many)
      target = { kind: 'collection', set: nav.target, source: svc.graph.many(e, step), ref: false }
    else if (nav) target = { kind: 'entity', entity: svc.graph.follow(e, step) ?? null, ref: false }
    else if (step in e.props || step === 'id')
      target = { kind: 'property', entity: e, name: step, raw: false }
    else return notFound(`${e.set} have no property or navigation "${step}"`)
  }
  return target
}

function parseKey(text: string): string | null {
  if (/^'(?:[^']|'')*'$/.test(text)) return text.slice(1, -1).replaceAll("''", "'")
  if (/^\d+$/.test(text)) return text
  return null
}

async function findEntity(svc: StaService, set: EntitySet, id: string): Promise<Entity | undefined> {
  if (set !== 'Observations') return svc.graph.get(set, id)
  const key = svc.graph.parseObservationId(id)
  const series = key && svc.graph.seriesOf(key.datastreamId)
  if (!key || !series) return undefined
  const rows = await svc.observations.readings({
    series: [series],
    bounds: { fromMs: key.observedAtMs, toMs: key.observedAtMs + 1, min: null, max: null },
    order: [],
    offset: 0,
    limit: 1000,
  })
  const row = rows.find((r) => r.source === key.source)
  return row && svc.graph.observation(row)
}

async function answer(svc: StaService, req: StaRequest, t: Target, o: QueryOptions): Promise<StaAnswer> {
  if (t.kind === 'root') {
    return {
      status: 200,
      json: {
        value: ENTITY_SETS.map((name) => ({ name, url: `${req.baseUrl}/${name}` })),
        serverSettings: { conformance: CONFORMANCE },
      },
    }
  }
  if (t.kind === 'property') {
    const value = t.name === 'id' ? t.entity.id : t.entity.props[t.name]
    if (value === null || value === undefined) return { status: 204 }
    if (t.raw) return { status: 200, text: typeof value === 'object' ? JSON.stringify(value) : String(value) }
    return { status: 200, json: { [t.name === 'id' ? '@iot.id' : t.name]: value } }
  }
  if (t.kind === 'entity') {
    if (!t.entity) return { status: 204 }
    if (t.ref) return { status: 200, json: { '@iot.selfLink': selfLink(req.baseUrl, t.entity) } }
    return { status: 200, json: await render(svc, req, t.entity, o, { expandedQueries: 0 }) }
  }
  const page = await queryCollection(svc.graph, svc.observations, t.source, o, svc.limits, req.nowMs)
  const value = t.ref
    ? page.items.map((e) => ({ '@iot.selfLink': selfLink(req.baseUrl, e) }))
    : await renderAll(svc, req, page.items, o)
  const top = Math.min(o.top ?? svc.limits.defaultTop, svc.limits.maxTop)
  return {
    status: 200,
    json: {
      ...(page.count === null ? {} : { '@iot.count': page.count }),
      value,
      ...(page.more
        ? {
            '@iot.nextLink': link(`${req.baseUrl}${req.path}`, {
              ...req.query,
              $top: String(top),
              $skip: String(o.skip + top),
            }),
          }
        : {}),
    },
  }
}

/** A URL with its query percent-encoded throughout (`%20`, not `+`, so any client reads it back). */
function link(base: string, query: Record<string, string>): string {
  const q = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k).replace('%24', '$')}=${encodeURIComponent(v)}`)
    .join('&')
  return q ? `${base}?${q}` : base
}

interface Expansion {
  options: QueryOptions
  query: Record<string, string>
}

/** `a/b` expands `a` with `b` expanded inside it; items sharing a first step are merged. */
function groupExpand(items: readonly ExpandItem[]): Map<string, Expansion> {
  const out = new Map<string, Expansion>()
  for (const item of items) {
    const [head, ...rest] = item.path as [string, ...string[]]
    const entry = out.get(head) ?? { options: { ...NO_OPTIONS, expand: [] }, query: {} }
    if (rest.length === 0) {
      entry.options = { ...item.options, expand: [...entry.options.expand, ...item.options.expand] }
      entry.query = item.query
    } else entry.options.expand.push({ ...item, path: rest })
    out.set(head, entry)
  }
  return out
}

/** An entity as served: control information, selected properties, navigation links or expansions. */
async function renderAll(svc: StaService, req: StaRequest, items: readonly Entity[], o: QueryOptions) {
  const budget = { expandedQueries: 0 }
  return Promise.all(items.map((e) => render(svc, req, e, o, budget)))
}

/** What one answer has spent: expanded Observations collections, each a store query. */
interface Budget {
  expandedQueries: number
}

async function render(
  svc: StaService,
  req: StaRequest,
  e: Entity,
  o: QueryOptions,
  budget: Budget,
): Promise<Record<string, unknown>> {
  const self = selfLink(req.baseUrl, e)
  const selected = o.select && new Set(o.select)
  const out: Record<string, unknown> = {}
  if (!selected || selected.has('id')) out['@iot.id'] = e.id
  if (!selected || selected.has('selfLink')) out['@iot.selfLink'] = self
  for (const [k, v] of Object.entries(e.props)) if (!selected || selected.has(k)) out[k] = v
  const expansions = groupExpand(o.expand)
  for (const name of expansions.keys())
    if (!NAVIGATION[e.set][name])
      throw new QueryError({
        kind: 'invalid',
        message: `$expand: ${e.set} have no navigation property "${name}"`,
      })
  for (const [name, nav] of Object.entries(NAVIGATION[e.set])) {
    const x = expansions.get(name)
    if (!x) {
      if (!selected || selected.has(name)) out[`${name}@iot.navigationLink`] = `${self}/${name}`
      continue
    }
    if (!nav.many) {
      const one = svc.graph.follow(e, name)
      out[name] = one ? await render(svc, req, one, x.options, budget) : null
      continue
    }
    const source = svc.graph.many(e, name)
    if ('series' in source && ++budget.expandedQueries > svc.limits.maxExpandedQueries)
      throw new QueryError({
        kind: 'invalid',
        message: `$expand would read more than ${svc.limits.maxExpandedQueries} Observations collections in one answer; ask for fewer entities with $top`,
      })
    const page = await queryCollection(svc.graph, svc.observations, source, x.options, svc.limits, req.nowMs)
    if (page.count !== null) out[`${name}@iot.count`] = page.count
    out[name] = await Promise.all(page.items.map((m) => render(svc, req, m, x.options, budget)))
    if (page.more) {
      const top = Math.min(x.options.top ?? svc.limits.defaultTop, svc.limits.maxTop)
      out[`${name}@iot.nextLink`] = link(`${self}/${name}`, {
        ...x.query,
        $top: String(top),
        $skip: String(x.options.skip + top),
      })
    }
  }
  return out
}
