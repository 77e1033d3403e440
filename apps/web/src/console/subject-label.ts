import type { AlertSubject } from '@ioc/domain'
import type { NetworkIndex } from '../state/network-index'

export type SubjectKind = 'gauge' | 'flood-sensor' | 'segment'

export interface SubjectLabel {
  kind: SubjectKind
  /** Station or street name; empty for the road segments OSM leaves unnamed. */
  name: string
  district: string
}

/** What the duty officer calls an alert's subject, from the network the app already loaded. */
export function subjectLabel(index: NetworkIndex, subject: AlertSubject): SubjectLabel | null {
  if (subject.type === 'station') {
    const i = index.stationIdxById.get(subject.id)
    const p = i === undefined ? undefined : index.network.stations.features[i]?.properties
    if (!p) return null
    return {
      kind: p.kind === 'street-flood-sensor' ? 'flood-sensor' : 'gauge',
      name: p.name,
      district: p.district,
    }
  }
  const i = index.segmentIdxById.get(subject.id)
  const p = i === undefined ? undefined : index.network.segments.features[i]?.properties
  return p ? { kind: 'segment', name: p.name, district: p.district } : null
}
