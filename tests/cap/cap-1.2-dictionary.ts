import { XMLParser, XMLValidator } from 'fast-xml-parser'

/**
 * The CAP 1.2 data dictionary (OASIS CAP-v1.2-os, 1 July 2010, §3.2 and the XML schema of §A) as a
 * test schema, because no npm package ships the OASIS XSD (@dec112/cap-ts 0.3.2 carries ASN.1 code,
 * not the schema). Every element of the dictionary with its cardinality, the order of the schema's
 * sequences, every enumeration, and the value rules the dictionary states in prose (dateTime form,
 * no spaces or commas in identifiers, polygon and circle form, references form, conditional elements).
 * Written apart from the CAP enumerations of packages/domain on purpose: a test that imported them
 * would pass a misspelt value in both.
 */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2'

type Value = (text: string) => string | null

interface Rule {
  name: string
  min: number
  max: number
  value?: Value
  children?: readonly Rule[]
}

const MANY = Number.POSITIVE_INFINITY
const oneOf =
  (...values: string[]): Value =>
  (t) =>
    values.includes(t) ? null : `"${t}" is not one of ${values.join(', ')}`
const matches =
  (re: RegExp, what: string): Value =>
  (t) =>
    re.test(t) ? null : `"${t}" is not ${what}`
const text: Value = (t) => (t.length ? null : 'is empty')

// §3.3.2: "2002-05-24T16:49:00-07:00"; alphabetic time zone designators such as "Z" MUST NOT be used.
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/
const dateTime = matches(DATE_TIME, 'a CAP dateTime (e.g. 2002-05-24T16:49:00-07:00, no "Z")')
// identifier, sender: "MUST NOT include spaces, commas or restricted characters (< and &)".
const token = matches(/^[^\s,<&]+$/, 'free of spaces, commas, < and &')
const COORD = String.raw`-?\d+(\.\d+)?,-?\d+(\.\d+)?`
const inRange = (pair: string) => {
  const [lat, lon] = pair.split(',').map(Number) as [number, number]
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180
}
// polygon: whitespace-delimited WGS 84 "lat,lon" pairs, at least 4, the first and last the same.
const polygon: Value = (t) => {
  const pairs = t.trim().split(/\s+/)
  if (!pairs.every((p) => new RegExp(`^${COORD}$`).test(p) && inRange(p)))
    return `"${t}" is not a list of lat,lon pairs`
  if (pairs.length < 4) return `has ${pairs.length} coordinate pairs, at least 4 are required`
  return pairs[0] === pairs.at(-1) ? null : 'does not end where it starts'
}
// circle: a "lat,lon" point, a space, and a radius in kilometres.
const circle: Value = (t) => {
  const m = new RegExp(`^(${COORD}) (\\d+(\\.\\d+)?)$`).exec(t)
  return m?.[1] && inRange(m[1]) ? null : `"${t}" is not "lat,lon radius"`
}
// references: whitespace-separated "sender,identifier,sent" triples.
const references: Value = (t) =>
  t
    .trim()
    .split(/\s+/)
    .every((r) => {
      const [sender, identifier, sent, ...rest] = r.split(',')
      return !rest.length && !token(sender ?? '') && !token(identifier ?? '') && DATE_TIME.test(sent ?? '')
    })
    ? null
    : `"${t}" is not a list of sender,identifier,sent`
const language = matches(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/, 'an RFC 3066 language tag')
const uri = matches(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/, 'a full absolute URI')
const integer = matches(/^\d+$/, 'an integer')
const decimal = matches(/^-?\d+(\.\d+)?$/, 'a decimal number')

const one = (name: string, value: Value = text): Rule => ({ name, min: 1, max: 1, value })
const optional = (name: string, value: Value = text): Rule => ({ name, min: 0, max: 1, value })
const any = (name: string, value: Value = text): Rule => ({ name, min: 0, max: MANY, value })
const pairs = (name: string): Rule => ({
  name,
  min: 0,
  max: MANY,
  children: [one('valueName'), one('value')],
})

const RESOURCE: Rule = {
  name: 'resource',
  min: 0,
  max: MANY,
  children: [
    one('resourceDesc'),
    one('mimeType'),
    optional('size', integer),
    optional('uri', uri),
    optional('derefUri'),
    optional('digest'),
  ],
}

const AREA: Rule = {
  name: 'area',
  min: 0,
  max: MANY,
  children: [
    one('areaDesc'),
    any('polygon', polygon),
    any('circle', circle),
    pairs('geocode'),
    optional('altitude', decimal),
    optional('ceiling', decimal),
  ],
}

// Copied from the standard, not imported from domain's public-warning.ts: so they catch our misspellings.
const INFO: Rule = {
  name: 'info',
  min: 0,
  max: MANY,
  children: [
    optional('language', language),
    {
      name: 'category',
      min: 1,
      max: MANY,
      value: oneOf(
        'Geo',
        'Met',
        'Safety',
        'Security',
        'Rescue',
        'Fire',
        'Health',
        'Env',
        'Transport',
        'Infra',
        'CBRNE',
        'Other',
      ),
    },
    one('event'),
    any(
      'responseType',
      oneOf('Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'),
    ),
    one('urgency', oneOf('Immediate', 'Expected', 'Future', 'Past', 'Unknown')),
    one('severity', oneOf('Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown')),
    one('certainty', oneOf('Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown')),
    optional('audience'),
    pairs('eventCode'),
    optional('effective', dateTime),
    optional('onset', dateTime),
    optional('expires', dateTime),
    optional('senderName'),
    optional('headline'),
    optional('description'),
    optional('instruction'),
    optional('web', uri),
    optional('contact'),
    pairs('parameter'),
    RESOURCE,
    AREA,
  ],
}

const ALERT: Rule = {
  name: 'alert',
  min: 1,
  max: 1,
  children: [
    one('identifier', token),
    one('sender', token),
    one('sent', dateTime),
    one('status', oneOf('Actual', 'Exercise', 'System', 'Test', 'Draft')),
    one('msgType', oneOf('Alert', 'Update', 'Cancel', 'Ack', 'Error')),
    optional('source'),
    one('scope', oneOf('Public', 'Restricted', 'Private')),
    optional('restriction'),
    optional('addresses'),
    any('code'),
    optional('note'),
    optional('references', references),
    optional('incidents'),
    INFO,
  ],
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> }

const nameOf = (n: Node) => Object.keys(n).find((k) => k !== ':@') as string
const childrenOf = (n: Node) => (n[nameOf(n)] as Node[]).filter((c) => nameOf(c) !== '#text')
const textOf = (n: Node) =>
  (n[nameOf(n)] as Node[])
    .filter((c) => nameOf(c) === '#text')
    .map((c) => String(c['#text']))
    .join('')

function checkElement(node: Node, rule: Rule, path: string, problems: string[]): void {
  if (!rule.children) {
    const problem = rule.value?.(textOf(node))
    if (problem) problems.push(`${path}: ${problem}`)
    if (childrenOf(node).length) problems.push(`${path}: holds elements, expected text`)
    return
  }
  const kids = childrenOf(node)
  let k = 0
  for (const child of rule.children) {
    let count = 0
    while (k < kids.length && nameOf(kids[k] as Node) === child.name) {
      count++
      checkElement(kids[k] as Node, child, `${path}/${child.name}[${count}]`, problems)
      k++
    }
    if (count < child.min) problems.push(`${path}: ${child.name} is required`)
    if (count > child.max)
      problems.push(`${path}: ${child.name} appears ${count} times, at most ${child.max}`)
  }
  // Whatever is left is unknown or out of the schema's order.
  for (; k < kids.length; k++) problems.push(`${path}: ${nameOf(kids[k] as Node)} is unexpected here`)
}

/** The conditions the dictionary states across elements. */
function checkConditions(alert: Node, problems: string[]): void {
  const kids = childrenOf(alert)
  const textNamed = (name: string) => {
    const n = kids.find((c) => nameOf(c) === name)
    return n ? textOf(n) : undefined
  }
  const scope = textNamed('scope')
  if (scope === 'Restricted' && textNamed('restriction') === undefined)
    problems.push('/alert: restriction is required when scope is Restricted')
  if (scope === 'Private' && textNamed('addresses') === undefined)
    problems.push('/alert: addresses is required when scope is Private')
  for (const info of kids.filter((c) => nameOf(c) === 'info'))
    for (const area of childrenOf(info).filter((c) => nameOf(c) === 'area')) {
      const names = childrenOf(area).map(nameOf)
      if (names.includes('ceiling') && !names.includes('altitude'))
        problems.push('/alert/info/area: ceiling is only allowed with altitude')
    }
}

/** Every way `xml` departs from CAP 1.2; empty when it is a valid CAP 1.2 message. */
export function checkCap12(xml: string): string[] {
  const wellFormed = XMLValidator.validate(xml)
  if (wellFormed !== true) return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`]
  const doc = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: true,
  }).parse(xml) as Node[]
  const roots = doc.filter((n) => !nameOf(n).startsWith('?'))
  const root = roots[0]
  if (roots.length !== 1 || !root || nameOf(root) !== 'alert') return ['the document element is not <alert>']
  if (root[':@']?.['@_xmlns'] !== CAP_NAMESPACE) return [`<alert> is not in the namespace ${CAP_NAMESPACE}`]
  const problems: string[] = []
  checkElement(root, ALERT, '/alert', problems)
  checkConditions(root, problems)
  return problems
}

/** The text of each element at `path` (e.g. "info/area/polygon"), in document order. */
export function capValues(xml: string, path: string): string[] {
  const doc = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: true }).parse(
    xml,
  ) as Node[]
  let nodes = doc.filter((n) => nameOf(n) === 'alert')
  for (const step of path.split('/'))
    nodes = nodes.flatMap((n) => childrenOf(n).filter((c) => nameOf(c) === step))
  return nodes.map(textOf)
}
