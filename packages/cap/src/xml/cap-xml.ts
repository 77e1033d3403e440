import type { CapArea, CapInfo, CapMessage, LonLat } from '@ioc/domain'
import { create } from 'xmlbuilder2'
/** xmlbuilder2's node, as its `create` returns it. */
export type XmlNode = ReturnType<typeof create>

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2'

/** CAP writes WGS 84 points latitude first: "10.7722,106.7116" (CAP 1.2 §3.2.4 polygon, circle). */
const point = ([lon, lat]: LonLat) => `${lat},${lon}`

const text = (parent: XmlNode, name: string, value: string | undefined) => {
  if (value !== undefined) parent.ele(name).txt(value)
}

function writeArea(parent: XmlNode, a: CapArea): void {
  const area = parent.ele('area')
  text(area, 'areaDesc', a.areaDesc)
  for (const ring of a.polygons) text(area, 'polygon', ring.map(point).join(' '))
  for (const c of a.circles) text(area, 'circle', `${point(c.center)} ${c.radiusKm}`)
}

// Element order is the order of the CAP 1.2 XML schema's sequences, which validators enforce.
function writeInfo(parent: XmlNode, i: CapInfo): void {
  const info = parent.ele('info')
  text(info, 'language', i.language)
  for (const c of i.category) text(info, 'category', c)
  text(info, 'event', i.event)
  for (const r of i.responseType) text(info, 'responseType', r)
  text(info, 'urgency', i.urgency)
  text(info, 'severity', i.severity)
  text(info, 'certainty', i.certainty)
  text(info, 'onset', i.onset)
  text(info, 'expires', i.expires)
  text(info, 'senderName', i.senderName)
  text(info, 'headline', i.headline)
  text(info, 'description', i.description)
  text(info, 'instruction', i.instruction)
  for (const a of i.area) writeArea(info, a)
}

/** A published message as a CAP 1.2 XML document (UTF-8). Throws for a draft: it has no `sent` yet. */
export function capToXml(m: CapMessage): string {
  if (m.sent === null) throw new Error(`CAP message ${m.identifier} is a draft: it has no sent time`)
  const alert = create({ version: '1.0', encoding: 'UTF-8' }).ele(CAP_NAMESPACE, 'alert')
  text(alert, 'identifier', m.identifier)
  text(alert, 'sender', m.sender)
  text(alert, 'sent', m.sent)
  text(alert, 'status', m.status)
  text(alert, 'msgType', m.msgType)
  text(alert, 'scope', m.scope)
  if (m.references.length)
    text(alert, 'references', m.references.map((r) => `${r.sender},${r.identifier},${r.sent}`).join(' '))
  text(alert, 'incidents', m.incidents)
  for (const i of m.info) writeInfo(alert, i)
  return alert.end({ prettyPrint: true })
}
