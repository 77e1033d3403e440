import type { AlertSubject } from '@ioc/domain'
import { ALERT_LAYER_ID, type AlertMarker } from '../layers/alert-layers'
import { FLOOD_LAYER_ID } from '../layers/flood-layer'
import { GAUGE_LAYER_ID } from '../layers/gauge-layers'
import { SEGMENT_LAYER_ID } from '../layers/segment-speed-layer'
import type { NetworkIndex } from '../state/network-index'

/** At most this many charts at once: each is a history request and a canvas. */
export const MAX_CHARTS = 4

/** Adds a subject to the charted ones (newest first), dropping the oldest past the limit; no duplicates. */
export function addSubject(subjects: readonly AlertSubject[], s: AlertSubject): AlertSubject[] {
  const others = subjects.filter((x) => !(x.type === s.type && x.id === s.id))
  return [s, ...others].slice(0, MAX_CHARTS)
}

/** The subject of a map pick: a road segment, a gauge or flood sensor, or an alert marker's subject. */
export function subjectOfPick(
  index: NetworkIndex,
  pick: { layerId: string; object: unknown },
): AlertSubject | null {
  const { layerId, object } = pick
  if (layerId === ALERT_LAYER_ID) return (object as AlertMarker).alert.subject
  // Feature ids are the indices of the network's arrays (NetworkGeoJson contract).
  const i = (object as { id?: unknown }).id
  if (typeof i !== 'number') return null
  if (layerId === SEGMENT_LAYER_ID) {
    const id = index.network.segments.features[i]?.properties.id
    return id ? { type: 'segment', id } : null
  }
  if (layerId === GAUGE_LAYER_ID || layerId === FLOOD_LAYER_ID) {
    const id = index.network.stations.features[i]?.properties.id
    return id ? { type: 'station', id } : null
  }
  return null
}

export interface RoadChoice {
  subject: AlertSubject
  name: string
  district: string
}

/**
 * Named road segments whose name or district contains `query` (case and accent blind), longest street
 * sections first so the analyst gets the main carriageway; `limit` of them.
 */
export function searchRoads(index: NetworkIndex, query: string, limit = 12): RoadChoice[] {
  const q = fold(query.trim())
  if (q.length < 2) return []
  const out: { choice: RoadChoice; lengthM: number }[] = []
  for (const f of index.network.segments.features) {
    const p = f.properties
    if (!p.name || !(fold(p.name).includes(q) || fold(p.district).includes(q))) continue
    out.push({
      choice: { subject: { type: 'segment', id: p.id }, name: p.name, district: p.district },
      lengthM: p.lengthM,
    })
  }
  return out
    .sort((a, b) => b.lengthM - a.lengthM)
    .slice(0, limit)
    .map((o) => o.choice)
}

/** Lower case without diacritics, so "huynh tan phat" finds "Huỳnh Tấn Phát" (đ has no decomposition). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase()
}
